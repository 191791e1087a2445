// What the indexer keeps: every MetaPool rebuilt from its events (SPEC §10), lists and history the chain would need
// scans for. Amounts are asset base units, times unix seconds, rates and utilisation WAD, all as the contracts emit
// them. Rows change as events arrive; Ponder undoes every write of a block that a reorg removes.
// Ids, pool ids, epochs and log indexes are numeric (bigint) like amounts: Ponder prefetches rows by guessing keys
// from event arguments, and a guess beyond a 32-bit integer column aborts the indexer.
import { index, onchainEnum, onchainTable, primaryKey, relations } from "ponder";

export const purchaseStatus = onchainEnum("purchase_status", ["pending", "matured", "voided", "refunded"]);
export const requestStatus = onchainEnum("request_status", ["open", "completed", "cancelled"]);
export const claimStatus = onchainEnum("claim_status", ["pending", "valid", "invalid", "voided"]);

/** One MetaPool: the parameters and texts of its creation event, and its state after the latest event. */
export const metaPool = onchainTable(
  "meta_pool",
  (t) => ({
    address: t.hex().primaryKey(),
    factory: t.hex().notNull(),
    index: t.bigint().notNull(),
    creator: t.hex().notNull(),
    arbiter: t.hex().notNull(),
    asset: t.hex().notNull(),
    assetSymbol: t.text().notNull(),
    assetDecimals: t.integer().notNull(),
    name: t.text().notNull(),
    protectionStatement: t.text().notNull(),
    arbiterFeeBps: t.integer().notNull(),
    creatorFeeBps: t.integer().notNull(),
    baseRate: t.bigint().notNull(),
    slope1: t.bigint().notNull(),
    kink: t.bigint().notNull(),
    slope2: t.bigint().notNull(),
    payoutMultiple: t.integer().notNull(),
    withdrawalPeriod: t.integer().notNull(),
    purchaseDelay: t.integer().notNull(),
    claimBond: t.bigint().notNull(),
    minPurchase: t.bigint().notNull(),
    poolCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    /** C, Σ K, Σ R and F = C − Σ K (0 after shutdown), as of `lastSyncAt` plus later events. */
    capital: t.bigint().notNull(),
    totalActive: t.bigint().notNull(),
    totalPending: t.bigint().notNull(),
    freeCapital: t.bigint().notNull(),
    shareSupply: t.bigint().notNull(),
    shareEpoch: t.bigint().notNull(),
    shutDown: t.boolean().notNull(),
    shutDownAt: t.bigint(),
    pendingClaims: t.integer().notNull(),
    lastSyncAt: t.bigint().notNull(),
    lastRulingAt: t.bigint(),
    /** Premium ever charged, split as the contract splits it. */
    premiumToCapital: t.bigint().notNull(),
    arbiterFees: t.bigint().notNull(),
    creatorFees: t.bigint().notNull(),
    purchaseCount: t.integer().notNull(),
    requestCount: t.integer().notNull(),
    claimCount: t.integer().notNull(),
    updatedAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({
    creatorIdx: index().on(table.creator),
    arbiterIdx: index().on(table.arbiter),
    assetIdx: index().on(table.asset),
  }),
);

/** One coverage pool; `utilisation`, `rate` and `payout` as the contract's `pool(i)` view computes them from that state. */
export const coveragePool = onchainTable(
  "coverage_pool",
  (t) => ({
    metaPool: t.hex().notNull(),
    poolId: t.bigint().notNull(),
    name: t.text().notNull(),
    description: t.text().notNull(),
    epoch: t.bigint().notNull(),
    /** The current epoch's cover token; null until its first purchase matures. */
    token: t.hex(),
    epochOpenedAt: t.bigint(),
    active: t.bigint().notNull(),
    pending: t.bigint().notNull(),
    coverSupply: t.bigint().notNull(),
    debt: t.bigint().notNull(),
    pendingClaimId: t.bigint(),
    utilisation: t.bigint().notNull(),
    rate: t.bigint().notNull(),
    payout: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.metaPool, table.poolId] }) }),
);

/** One epoch of a coverage pool: its cover token, and once closed (valid claim, lapse, emptied) what it redeems. */
export const coverEpoch = onchainTable(
  "cover_epoch",
  (t) => ({
    metaPool: t.hex().notNull(),
    poolId: t.bigint().notNull(),
    epoch: t.bigint().notNull(),
    token: t.hex().notNull(),
    openedAt: t.bigint().notNull(),
    closed: t.boolean().notNull(),
    closedAt: t.bigint(),
    lapsed: t.boolean(),
    /** At closing: what its `supplyAtClose` tokens redeem; `remaining`/`remainingSupply` after redemptions. */
    redeemable: t.bigint(),
    supplyAtClose: t.bigint(),
    remaining: t.bigint(),
    remainingSupply: t.bigint(),
    redeemed: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.poolId, table.epoch] }),
    tokenIdx: index().on(table.token),
  }),
);

/** Cover token address → its epoch (the MetaPool's `CoverEpochOpened` is the only way a token gets here). */
export const coverToken = onchainTable("cover_token", (t) => ({
  address: t.hex().primaryKey(),
  metaPool: t.hex().notNull(),
  poolId: t.bigint().notNull(),
  epoch: t.bigint().notNull(),
}));

export const purchase = onchainTable(
  "purchase",
  (t) => ({
    metaPool: t.hex().notNull(),
    purchaseId: t.bigint().notNull(),
    poolId: t.bigint().notNull(),
    buyer: t.hex().notNull(),
    receiver: t.hex().notNull(),
    amount: t.bigint().notNull(),
    boughtAt: t.bigint().notNull(),
    boughtTx: t.hex().notNull(),
    /** The maturity it was bought with (`ProtectionBought.maturesAt`), before any restart. */
    boughtMaturesAt: t.bigint().notNull(),
    /** When it matures (a claim freeze restarts the delay) or matured. */
    maturesAt: t.bigint().notNull(),
    status: purchaseStatus("status").notNull(),
    epoch: t.bigint(),
    accepted: t.bigint(),
    tokens: t.bigint(),
    /** What its buyer can take back now: all of a voided purchase, the unaccepted rest of a matured one. */
    refundable: t.bigint().notNull(),
    refunded: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.purchaseId] }),
    buyerIdx: index().on(table.buyer),
    receiverIdx: index().on(table.receiver),
  }),
);

/** One `PurchasesRestarted`: a ruling ended a freeze and pending purchases [fromId, toId) restarted their delay. */
export const purchaseRestart = onchainTable(
  "purchase_restart",
  (t) => ({
    metaPool: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.bigint().notNull(),
    fromId: t.bigint().notNull(),
    toId: t.bigint().notNull(),
    maturesAt: t.bigint().notNull(),
    /** The ruling's transaction (its `ClaimResolved` names the claim). */
    tx: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.metaPool, table.block, table.logIndex] }) }),
);

export const withdrawalRequest = onchainTable(
  "withdrawal_request",
  (t) => ({
    metaPool: t.hex().notNull(),
    requestId: t.bigint().notNull(),
    owner: t.hex().notNull(),
    /** What is left of the request (shares in the current share epoch). */
    shares: t.bigint().notNull(),
    assetsAtRequest: t.bigint().notNull(),
    requestedShares: t.bigint().notNull(),
    requestedAssets: t.bigint().notNull(),
    requestedAt: t.bigint().notNull(),
    unlockAt: t.bigint().notNull(),
    status: requestStatus("status").notNull(),
    sharesWithdrawn: t.bigint().notNull(),
    assetsWithdrawn: t.bigint().notNull(),
    sharesReturned: t.bigint(),
    sharesBurned: t.bigint(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.requestId] }),
    ownerIdx: index().on(table.owner),
  }),
);

export const claim = onchainTable(
  "claim",
  (t) => ({
    metaPool: t.hex().notNull(),
    claimId: t.bigint().notNull(),
    poolId: t.bigint().notNull(),
    epoch: t.bigint().notNull(),
    filer: t.hex().notNull(),
    incidentTime: t.bigint().notNull(),
    bond: t.bigint().notNull(),
    evidenceHash: t.hex().notNull(),
    evidence: t.text().notNull(),
    status: claimStatus("status").notNull(),
    filedAt: t.bigint().notNull(),
    filedTx: t.hex().notNull(),
    resolvedAt: t.bigint(),
    resolvedTx: t.hex(),
    payout: t.bigint(),
    redeemable: t.bigint(),
    debtCharged: t.bigint(),
    /** C right after the ruling. */
    capitalAfter: t.bigint(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.claimId] }),
    filerIdx: index().on(table.filer),
  }),
);

/** What an account can collect with `claimFees`: arbiter and creator fees and returned claim bonds. */
export const feeAccount = onchainTable(
  "fee_account",
  (t) => ({
    metaPool: t.hex().notNull(),
    account: t.hex().notNull(),
    fees: t.bigint().notNull(),
    bonds: t.bigint().notNull(),
    claimed: t.bigint().notNull(),
    owed: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.account] }),
    accountIdx: index().on(table.account),
  }),
);

/** Share balances, in the current share epoch (closed epochs are converted as the contract converts them). */
export const shareHolder = onchainTable(
  "share_holder",
  (t) => ({
    metaPool: t.hex().notNull(),
    account: t.hex().notNull(),
    balance: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.account] }),
    accountIdx: index().on(table.account),
  }),
);

/** A closed share epoch (near-full wipe): its balances converted at floor(balance × capital / supply). */
export const shareEpoch = onchainTable(
  "share_epoch",
  (t) => ({
    metaPool: t.hex().notNull(),
    epoch: t.bigint().notNull(),
    newEpoch: t.bigint().notNull(),
    capital: t.bigint().notNull(),
    supply: t.bigint().notNull(),
    closedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.metaPool, table.epoch] }) }),
);

export const coverHolder = onchainTable(
  "cover_holder",
  (t) => ({
    token: t.hex().notNull(),
    account: t.hex().notNull(),
    metaPool: t.hex().notNull(),
    poolId: t.bigint().notNull(),
    epoch: t.bigint().notNull(),
    balance: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.token, table.account] }),
    accountIdx: index().on(table.account),
    poolIdx: index().on(table.metaPool, table.poolId),
  }),
);

/** One `Synced` event: premium accrued to `timestamp`, every pool's K and claim debt after it, the fee split. */
export const sync = onchainTable(
  "sync",
  (t) => ({
    metaPool: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    capital: t.bigint().notNull(),
    /** Decimal strings, one per coverage pool. */
    active: t.json().$type<string[]>().notNull(),
    debt: t.json().$type<string[]>().notNull(),
    premiumToCapital: t.bigint().notNull(),
    arbiterFees: t.bigint().notNull(),
    creatorFees: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.metaPool, table.block, table.logIndex] }) }),
);

/** Per coverage pool in a snapshot (decimal strings). */
export type PoolPoint = { active: string; pending: string; utilisation: string; rate: string; payout: string };

/** The MetaPool after every event that changed its numbers: capital, utilisation and rates over time. */
export const snapshot = onchainTable(
  "snapshot",
  (t) => ({
    metaPool: t.hex().notNull(),
    block: t.bigint().notNull(),
    logIndex: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    kind: t.text().notNull(),
    capital: t.bigint().notNull(),
    totalActive: t.bigint().notNull(),
    totalPending: t.bigint().notNull(),
    freeCapital: t.bigint().notNull(),
    shareSupply: t.bigint().notNull(),
    pools: t.json().$type<PoolPoint[]>().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.metaPool, table.block, table.logIndex] }),
    timeIdx: index().on(table.metaPool, table.timestamp),
  }),
);

/** Every MetaPool event in one history: who, what, how much (the portfolio's history and CSV). */
export const activity = onchainTable(
  "activity",
  (t) => ({
    id: t.text().primaryKey(),
    metaPool: t.hex().notNull(),
    kind: t.text().notNull(),
    account: t.hex(),
    receiver: t.hex(),
    poolId: t.bigint(),
    /** The purchase, request or claim id the event is about. */
    ref: t.bigint(),
    assets: t.bigint(),
    shares: t.bigint(),
    tokens: t.bigint(),
    block: t.bigint().notNull(),
    logIndex: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    tx: t.hex().notNull(),
  }),
  (table) => ({
    poolIdx: index().on(table.metaPool, table.block),
    accountIdx: index().on(table.account),
    receiverIdx: index().on(table.receiver),
    kindIdx: index().on(table.kind),
  }),
);

// Relations for relational queries (`with`) and GraphQL: a MetaPool's rows, and each row's `metaPoolInfo` (the
// `metaPool` column keeps the address).
export const metaPoolRelations = relations(metaPool, ({ many }) => ({
  pools: many(coveragePool),
  purchases: many(purchase),
  requests: many(withdrawalRequest),
  claims: many(claim),
  shareHolders: many(shareHolder),
}));

export const coveragePoolRelations = relations(coveragePool, ({ one }) => ({
  metaPoolInfo: one(metaPool, { fields: [coveragePool.metaPool], references: [metaPool.address] }),
}));

export const purchaseRelations = relations(purchase, ({ one }) => ({
  metaPoolInfo: one(metaPool, { fields: [purchase.metaPool], references: [metaPool.address] }),
}));

export const withdrawalRequestRelations = relations(withdrawalRequest, ({ one }) => ({
  metaPoolInfo: one(metaPool, { fields: [withdrawalRequest.metaPool], references: [metaPool.address] }),
}));

export const claimRelations = relations(claim, ({ one }) => ({
  metaPoolInfo: one(metaPool, { fields: [claim.metaPool], references: [metaPool.address] }),
}));

export const shareHolderRelations = relations(shareHolder, ({ one }) => ({
  metaPoolInfo: one(metaPool, { fields: [shareHolder.metaPool], references: [metaPool.address] }),
}));
