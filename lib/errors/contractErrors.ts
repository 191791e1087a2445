import type { CanopyErrorArgs, CanopyErrorName } from "./abi";
import type { Phrases } from "./context";

type Describers = { [N in CanopyErrorName]: (args: CanopyErrorArgs<N>, p: Phrases) => string };

const MAX_BATCH = 16; // MetaPoolStorage.MAX_BATCH: the most purchases or items one call processes

/**
 * One sentence per custom error of our ABIs, with the numbers the error carries (meanings in
 * contracts/src/interfaces/IMetaPoolErrors.sol). Typed over the generated ABIs, so a new error
 * does not compile until it is described here.
 */
export const contractErrorDescribers: Describers = {
  // ----- MetaPool creation: each names the parameter and its allowed range -----
  InvalidAsset: ([asset], p) => `The asset ${p.address(asset)} is not a token contract; choose an ERC-20 token.`,
  InvalidAssetDecimals: ([decimals]) =>
    `The asset has ${decimals} decimals; a MetaPool needs an asset with 6 to 18 decimals.`,
  InvalidArbiter: () => "Choose an arbiter: the zero address cannot rule on claims.",
  InvalidName: ([length], p) => `The MetaPool name is ${p.count(length)} bytes long; it must be 1 to 64 bytes.`,
  InvalidProtectionStatement: ([length], p) =>
    `The protection statement is ${p.count(length)} bytes long; it must be 1 to 4,096 bytes.`,
  InvalidPoolCount: ([count], p) => `A MetaPool needs 1 to 16 coverage pools, not ${p.count(count)}.`,
  InvalidPoolName: ([poolId, length], p) =>
    `The name of coverage pool #${poolId} is ${p.count(length)} bytes long; it must be 1 to 64 bytes.`,
  InvalidPoolDescription: ([poolId, length], p) =>
    `The description of coverage pool #${poolId} is ${p.count(length)} bytes long; it may be at most 280 bytes.`,
  InvalidFees: ([arbiterFeeBps, creatorFeeBps], p) =>
    `The arbiter fee (${p.bps(arbiterFeeBps)}) and the creator fee (${p.bps(creatorFeeBps)}) add up to ${p.bps(arbiterFeeBps + creatorFeeBps)}; together they may be at most 50 %.`,
  InvalidKink: ([kink], p) => `The kink is ${p.percentWad(kink)}; it must be above 0 % and below 100 % utilisation.`,
  InvalidCurveSum: ([sum], p) =>
    `The base rate and both slopes add up to ${p.rateApr(sum)}; together they may be at most 1,000 % APR.`,
  InvalidPayoutMultiple: ([multiple], p) =>
    `The payout multiple is ${p.count(multiple)}; it must be 0 (uncapped) or 1 to 10,000.`,
  InvalidWithdrawalPeriod: ([period], p) => `The withdrawal period is ${p.duration(period)}; it must be 1 h to 365 d.`,
  InvalidPurchaseDelay: ([delay], p) => `The purchase delay is ${p.duration(delay)}; it must be 1 h to 30 d.`,
  InvalidClaimBond: ([bond, minimum], p) =>
    `The claim bond is ${p.assets(bond)}; it must be at least ${p.assets(minimum, "up")}.`,
  InvalidMinPurchase: ([minPurchase, minimum], p) =>
    `The minimum purchase is ${p.assets(minPurchase)}; it must be at least ${p.assets(minimum, "up")}.`,

  // ----- general -----
  ZeroAmount: (_, p) => `Enter an amount above zero to ${p.action}.`,
  ZeroAddress: (_, p) => `An address is missing (the zero address was given); fill it in to ${p.action}.`,
  MetaPoolIsShutDown: () => "This MetaPool has been shut down, so it takes no more deposits, purchases or claims.",
  MetaPoolNotShutDown: (_, p) => `This MetaPool is not shut down; you can ${p.action} only after a shutdown.`,
  ClaimPending: ([claimId]) =>
    `Deposits, withdrawals and purchases wait for the arbiter's ruling on claim #${claimId}; try again once it is ruled.`,
  InvalidPoolId: ([poolId, poolCount], p) =>
    `This MetaPool has no coverage pool #${poolId}; it has ${p.count(poolCount)} (#0 to #${poolCount - 1n}).`,
  SyncRequired: ([remaining], p) =>
    `There are ${p.count(remaining)} due purchases to process first; sync the MetaPool (poke) until none are left, then try again.`,
  TransferAmountMismatch: ([expected, received], p) =>
    `The asset moved ${p.assets(received)} instead of ${p.assets(expected)}; fee-on-transfer tokens are not supported.`,

  // ----- underwriters -----
  UseWithdrawalRequest: () =>
    "Withdraw by requesting a withdrawal and completing it once it unlocks; direct ERC-4626 withdrawals are disabled.",
  ZeroShares: ([assets], p) =>
    `A deposit of ${p.assets(assets)} is too little to mint a single share at the current share price; deposit more.`,
  InsufficientShares: ([requested, balance], p) =>
    `You hold ${p.shares(balance)}, fewer than the ${p.shares(requested, "up")} asked for.`,
  UnknownRequest: ([requestId]) => `There is no withdrawal request #${requestId} in this MetaPool.`,
  NotRequestOwner: ([requestId, owner], p) =>
    `Withdrawal request #${requestId} belongs to ${p.address(owner)}; only its owner can use it.`,
  WithdrawalLocked: ([unlockAt], p) => `This withdrawal unlocks on ${p.when(unlockAt)}.`,
  WithdrawalWindowClosed: ([windowEnd], p) =>
    `The window to complete this withdrawal closed on ${p.when(windowEnd)}; cancel the request and request again.`,
  InsufficientRequestShares: ([requested, available], p) =>
    `This request holds ${p.shares(available)}, fewer than the ${p.shares(requested, "up")} asked for.`,
  InsufficientFreeCapital: ([available], p) =>
    `Only ${p.assets(available)} of capital is free now (the rest backs cover); withdraw at most that or wait for cover to lapse.`,

  // ----- seekers -----
  BelowMinPurchase: ([amount, minPurchase], p) =>
    `The minimum purchase in this MetaPool is ${p.assets(minPurchase, "up")}; ${p.assets(amount)} is too little.`,
  CapacityExceeded: ([available], p) => `Only ${p.assets(available)} of capacity is left in this MetaPool.`,
  UnknownPurchase: ([purchaseId]) => `There is no purchase #${purchaseId} in this MetaPool.`,
  NothingToRefund: ([purchaseId]) => `Purchase #${purchaseId} has nothing left to refund.`,
  PurchaseNotRefundable: ([purchaseId, maturesAt], p) =>
    `Purchase #${purchaseId} is still pending; it matures on ${p.when(maturesAt)}.`,
  OnlyBuyer: ([purchaseId, buyer], p) =>
    `Only the buyer, ${p.address(buyer)}, can take back purchase #${purchaseId} while a claim freezes it.`,
  InsufficientCover: ([requested, balance], p) =>
    `You hold ${p.coverTokens(balance)}, fewer than the ${p.coverTokens(requested, "up")} asked for.`,
  EpochNotClosed: ([poolId, epoch], p) =>
    `Epoch ${epoch} of ${p.pool(poolId)} is still open; only closed epochs redeem payouts.`,
  NothingToRedeem: ([poolId, epoch], p) => `You have nothing to redeem from epoch ${epoch} of ${p.pool(poolId)}.`,

  // ----- claims -----
  NotCoverHolder: ([poolId], p) =>
    `Only holders of the current cover tokens of ${p.pool(poolId)} can file a claim on it.`,
  NoActiveCover: ([poolId], p) => `There is no active cover in ${p.pool(poolId)}, so there is nothing to claim.`,
  PoolClaimPending: ([poolId, claimId], p) =>
    `Claim #${claimId} on ${p.pool(poolId)} is already pending; wait for the arbiter's ruling.`,
  IncidentBeforeEpoch: ([incidentTime, epochOpenedAt], p) =>
    `The incident time, ${p.when(incidentTime)}, is before the current epoch opened on ${p.when(epochOpenedAt)}; pick a later time.`,
  IncidentInFuture: ([incidentTime, nowTime], p) =>
    `The incident time, ${p.when(incidentTime)}, is after the chain's current time, ${p.date(nowTime)}; pick an earlier time.`,
  EvidenceTooLong: ([length, maxLength], p) =>
    `The evidence is ${p.count(length)} bytes long; it may be at most ${p.count(maxLength)} bytes (use a link).`,
  NotArbiter: ([arbiter], p) => `Only this MetaPool's arbiter, ${p.address(arbiter)}, can ${p.action}.`,
  EarlierClaimPending: ([claimId]) => `Claims are ruled in filing order: rule claim #${claimId} first.`,
  ClaimNotPending: ([claimId]) => `Claim #${claimId} is not pending: it has been ruled or voided already.`,
  ShutdownNotAllowed: ([claimId, allowedAt], p) =>
    `Only the arbiter can shut this MetaPool down now; anyone can once claim #${claimId} has been pending until ${p.when(allowedAt)}.`,
  NoFees: () => "There are no fees to claim yet.",
  InvalidMaxItems: ([maxItems], p) => `Process 1 to ${MAX_BATCH} items at a time, not ${p.count(maxItems)}.`,

  // ----- factory and clones -----
  IndexOutOfRange: ([index, count], p) => `There is no MetaPool #${index}; the factory has created ${p.count(count)}.`,
  FailedDeployment: () => "The new contract could not be deployed; try again.",
  CloneArgumentsTooLong: () => "The settings are too long to deploy as a clone; shorten the names and texts.",
  InsufficientBalance: ([balance, needed], p) =>
    `The contract holds ${p.nativeAmount(balance)} but needs ${p.nativeAmount(needed)} to deploy.`,
  InvalidInitialization: () => "This contract has been initialised already and cannot be set up again.",
  NotInitializing: () => "This contract can only be set up while it is being initialised.",

  // ----- approval by signature (EIP-2612 permit) and batched calls -----
  PermitTokenNotAsset: ([token, asset], p) =>
    `A permit for ${p.address(token)} cannot pay this MetaPool, whose asset is ${p.address(asset)}; sign a permit for the asset.`,
  PermitExpired: ([deadline, nowTime], p) =>
    `The signed approval expired on ${p.date(deadline)}, before the transaction landed at ${p.date(nowTime)}; sign a new one to ${p.action}.`,
  PermitRejected: ([value, allowance], p) =>
    `The token refused the signed approval of ${p.assets(value, "up")} (wrong signer or already used) and only ${p.assets(allowance)} is approved; sign again or approve in a transaction to ${p.action}.`,
  ERC2612ExpiredSignature: ([deadline], p) =>
    `The signed approval expired on ${p.when(deadline)}; sign a new one to ${p.action}.`,
  ERC2612InvalidSigner: ([signer, owner], p) =>
    `The approval was signed by ${p.address(signer)}, not by the token holder ${p.address(owner)}; sign it from the account that pays.`,
  InvalidAccountNonce: ([account, currentNonce], p) =>
    `The signed approval of ${p.address(account)} was already used or is out of order (the token expects nonce ${p.count(currentNonce)}); sign a new one.`,
  ECDSAInvalidSignature: () => "The signature is not valid; sign the approval again.",
  ECDSAInvalidSignatureLength: ([length], p) =>
    `The signature is ${p.count(length)} bytes long instead of 65; sign the approval again.`,
  ECDSAInvalidSignatureS: () => "The signature is malformed (its s value is out of range); sign the approval again.",
  InvalidShortString: () =>
    "The token's name could not be read for the signed approval; approve in a transaction instead.",
  StringTooLong: ([str]) =>
    `The text “${str.slice(0, 40)}${str.length > 40 ? "…" : ""}” (${str.length} characters) is too long for the token's signing domain.`,
  AddressEmptyCode: ([target], p) =>
    `There is no contract at ${p.address(target)}, so the batched call could not ${p.action}.`,
  FailedCall: (_, p) => `One call of the batch failed without a reason, so nothing was done; try to ${p.action} again.`,

  // ----- tokens -----
  OnlyMetaPool: ([metaPool], p) => `Only the MetaPool ${p.address(metaPool)} can mint or burn its cover tokens.`,
  FaucetLimitExceeded: ([requested, limit], p) =>
    `The faucet gives at most ${p.assets(limit)} per request; ${p.assets(requested)} is too much.`,
  ERC20InsufficientBalance: ([sender, balance, needed], p) =>
    `The account ${p.address(sender)} holds only ${p.assets(balance)} of the ${p.assets(needed, "up")} needed to ${p.action}.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed], p) =>
    `The spender ${p.address(spender)} is approved for only ${p.assets(allowance)}; approve at least ${p.assets(needed, "up")} to ${p.action}.`,
  ERC20InvalidApprover: ([approver], p) => `The token refuses ${p.address(approver)} as an approver.`,
  ERC20InvalidReceiver: ([receiver], p) =>
    `The token refuses ${p.address(receiver)} as a receiver; choose another address.`,
  ERC20InvalidSender: ([sender], p) => `The token refuses ${p.address(sender)} as a sender.`,
  ERC20InvalidSpender: ([spender], p) => `The token refuses ${p.address(spender)} as a spender.`,
  SafeERC20FailedOperation: ([token], p) =>
    `The token ${p.address(token)} refused the transfer, so Canopy could not ${p.action}.`,
  ReentrancyGuardReentrantCall: (_, p) =>
    `The MetaPool refused a call back into itself during the transaction, so it could not ${p.action}.`,
  SafeCastOverflowedUintDowncast: ([bits, value], p) =>
    `The value ${p.count(value)} is too large for the contract (at most ${bits} bits); use a smaller one.`,
};
