// The embedded demo market that `scripts/seed.mjs` builds on a fresh local chain, and what it leaves behind
// (`SEEDED`), so a test can assert the state without repeating the story.
// Amounts are whole tokens of the MetaPool's asset; `asset` names a demo token of lib/deployments/31337.json.

/** Anvil's default mnemonic (public, well known; local chains only). */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/** Who does what, by Anvil account index. Account 0 (the deployer, every wallet's first local account) holds
 * cover in several MetaPools so a local developer sees positions at once. */
export const ROLES = {
  deployer: 0, // seeker; creator of the MetaPool that gets shut down
  lendingCreator: 1, // also underwrites it
  dexCreator: 2, // also underwrites it
  bridgesCreator: 3, // also underwrites it
  lendingArbiter: 4,
  dexArbiter: 5,
  bridgesArbiter: 6,
  underwriter: 7, // the big underwriter of every MetaPool
  seeker: 8, // the active seeker: files the claims
  vaultsArbiter: 9, // also a seeker elsewhere
};

const DAY = 86_400;
const HOUR = 3_600;
const pct = (x) => BigInt(Math.round(x * 100)) * 10n ** 14n; // percent → WAD

/** The four MetaPools, in creation order. */
export const METAPOOLS = {
  lending: {
    creator: ROLES.lendingCreator,
    arbiter: ROLES.lendingArbiter,
    asset: "demoUsd",
    name: "Blue-chip lending",
    protectionStatement:
      "Pays when a listed lending market suffers an exploit, an oracle failure or bad debt that permanently takes " +
      "suppliers' funds, or leaves suppliers unable to withdraw more than 10% of their deposits for 72 hours. " +
      "Liquidations working as designed, governance decisions and front-end phishing are not covered.",
    pools: [
      { name: "Aave v3", description: "Aave v3 Ethereum core market: supplied assets in the Pool contract." },
      { name: "Compound v3", description: "Compound III USDC and WETH Comets on Ethereum." },
      { name: "Spark", description: "SparkLend on Ethereum (the Aave v3 fork run by the Sky ecosystem)." },
      { name: "Morpho", description: "Morpho Blue markets and MetaMorpho vaults; curator losses excluded." },
    ],
    arbiterFeeBps: 500,
    creatorFeeBps: 500,
    curve: { baseRate: pct(2), slope1: pct(8), kink: pct(80), slope2: pct(100) },
    payoutMultiple: 0,
    withdrawalPeriod: 3 * DAY,
    purchaseDelay: 1 * DAY,
    claimBond: 100,
    minPurchase: 10,
  },
  dex: {
    creator: ROLES.dexCreator,
    arbiter: ROLES.dexArbiter,
    asset: "demoDai",
    name: "DEX core",
    protectionStatement:
      "Pays when a bug in a listed exchange's core contracts (pools, vault, router, or hooks the exchange itself " +
      "ships) lets anyone take funds from liquidity providers or traders beyond their stated slippage. Impermanent " +
      "loss, third-party hooks and tokens, and approvals given to phishing sites are not covered.",
    pools: [
      { name: "Uniswap v4", description: "PoolManager singleton and the periphery routers on Ethereum." },
      { name: "Curve", description: "Curve stableswap and crypto pools, factory-deployed included, on Ethereum." },
      { name: "Balancer", description: "Balancer v2 and v3 Vaults and their pools on Ethereum." },
    ],
    arbiterFeeBps: 300,
    creatorFeeBps: 200,
    curve: { baseRate: pct(1), slope1: pct(6), kink: pct(70), slope2: pct(150) },
    payoutMultiple: 5,
    withdrawalPeriod: 14 * DAY,
    purchaseDelay: 2 * DAY,
    claimBond: 250,
    minPurchase: 25,
  },
  bridges: {
    creator: ROLES.bridgesCreator,
    arbiter: ROLES.bridgesArbiter,
    asset: "demoUsd",
    name: "Bridges & restaking",
    protectionStatement:
      "Pays when a listed bridge mints or releases assets without a matching deposit, when its validator keys or " +
      "message verifiers are compromised, or when a restaking protocol slashes or locks stakers through a contract " +
      "bug rather than its published slashing conditions. Depegs of bridged assets for market reasons are not covered.",
    pools: [
      { name: "LayerZero", description: "LayerZero v2 endpoints and the default DVN set, OFT transfers." },
      { name: "Wormhole", description: "Wormhole core bridge and token bridge, Ethereum side." },
      { name: "EigenLayer", description: "EigenLayer strategy managers, delegation and slashing contracts." },
    ],
    arbiterFeeBps: 1000,
    creatorFeeBps: 500,
    curve: { baseRate: pct(4), slope1: pct(12), kink: pct(60), slope2: pct(200) },
    payoutMultiple: 3,
    withdrawalPeriod: 7 * DAY,
    purchaseDelay: 6 * HOUR,
    claimBond: 500,
    minPurchase: 50,
  },
  vaults: {
    creator: ROLES.deployer,
    arbiter: ROLES.vaultsArbiter,
    asset: "demoDai",
    name: "Legacy yield vaults",
    protectionStatement:
      "Pays when a listed yield vault loses depositors' funds through a bug in the vault or in one of its " +
      "strategies. Strategy underperformance and losses of the underlying protocols are not covered.",
    pools: [
      { name: "Yearn v2", description: "Yearn v2 vaults and their strategies." },
      { name: "Beefy", description: "Beefy vaults on Ethereum." },
    ],
    arbiterFeeBps: 0,
    creatorFeeBps: 250,
    curve: { baseRate: pct(3), slope1: pct(10), kink: pct(75), slope2: pct(80) },
    payoutMultiple: 10,
    withdrawalPeriod: 1 * DAY,
    purchaseDelay: 12 * HOUR,
    claimBond: 50,
    minPurchase: 5,
  },
};

/** What the seeded chain holds; `scripts/seed.check.mjs` asserts each number by reading the chain. */
export const SEEDED = {
  metaPools: 4,
  names: Object.values(METAPOOLS).map((m) => m.name),
  shutDown: [METAPOOLS.vaults.name],
  claims: { pending: 1, valid: 1, invalid: 1, voided: 0 },
  /** MetaPool name → coverage pool holding the pending claim / the resolved ones. */
  pendingClaim: { metaPool: METAPOOLS.dex.name, pool: "Balancer" },
  validClaim: { metaPool: METAPOOLS.bridges.name, pool: "Wormhole" },
  invalidClaim: { metaPool: METAPOOLS.lending.name, pool: "Compound v3" },
  /** Purchases still inside their purchase delay, one in each live MetaPool. */
  pendingPurchases: 3,
  /** Revision 4: the purchase frozen by the rejected Compound claim restarted its delay at the ruling and matured
   * a full purchase delay after it (not at the ruling, nor when it was bought to). */
  restartedPurchase: { metaPool: METAPOOLS.lending.name, pool: "Spark", buyer: ROLES.deployer },
  /** Blue-chip lending: one request still locked, one past unlock and inside its 7-day window. */
  withdrawalRequests: { waiting: 1, matured: 1 },
};
