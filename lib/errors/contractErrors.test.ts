import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  zeroAddress,
  type Abi,
  type Hex,
} from "viem";
import { describe, expect, test } from "vitest";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";

import { canopyErrorAbi } from "./abi";
import { describeError, type ErrorContext } from "./index";

const NOW = 1_764_000_000n; // 24 Nov 2025, 16:00 UTC
const HOUR = 3_600n;
const DAY = 86_400n;
const USER = "0x1234567890123456789012345678901234567890";
const POOL = "0x9876543210987654321098765432109876543210";
const dUSD = (whole: bigint, cents = 0n) => whole * 1_000_000n + cents * 10_000n; // 6 decimals
const e18 = 10n ** 18n;

const ctx: ErrorContext = {
  action: "deposit 100.00 dUSD",
  asset: { symbol: "dUSD", decimals: 6 },
  poolNames: ["Aave v3", "Morpho Blue", "Lido stETH"],
  now: NOW,
};

const allAbis: Record<string, Abi> = {
  coverTokenAbi,
  demoTokenAbi,
  metaPoolAbi,
  metaPoolExtensionAbi,
  metaPoolFactoryAbi,
};

/** An ABI of ours that declares `errorName`, so the revert decodes as simulateContract would see it. */
function abiDeclaring(errorName: string): Abi {
  const abi = Object.values(allAbis).find((a) => a.some((i) => i.type === "error" && i.name === errorName));
  if (!abi) throw new Error(`no ABI declares ${errorName}`);
  return abi;
}

type AbiParameterLike = { type: string };

/** A value of each simple Solidity type, so any call or error signature can be exercised. */
function sample(inputs: readonly AbiParameterLike[], where: string): unknown[] {
  return inputs.map((input) => {
    if (input.type === "address") return USER;
    if (input.type === "bool") return true;
    if (input.type === "string") return "text";
    if (/^u?int(8|16)$/.test(input.type)) return 8;
    if (/^u?int\d*$/.test(input.type)) return 123_456_789n;
    if (input.type === "bytes32") return `0x${"ab".repeat(32)}`;
    throw new Error(`no sample for ${input.type} in ${where}`);
  });
}

/** A call on `abi` the revert can belong to: a deposit on a MetaPool, else a simple function. */
function callOn(abi: Abi): { functionName: string; args: unknown[] } {
  const simple = /^(address|bool|string|u?int\d*)$/;
  const fn =
    abi.find((i) => i.type === "function" && i.name === "deposit" && i.inputs.length === 2) ??
    abi.find((i) => i.type === "function" && i.inputs.length > 0 && i.inputs.every((x) => simple.test(x.type)));
  if (fn?.type !== "function") throw new Error("no simple function in ABI");
  return { functionName: fn.name, args: sample(fn.inputs, fn.name) };
}

/** The error viem's simulateContract / writeContract throws when the call reverts with `data`. */
function reverted(errorName: string, args: readonly unknown[], abi: Abi = abiDeclaring(errorName)) {
  const data: Hex = encodeErrorResult({ abi: canopyErrorAbi as Abi, errorName, args });
  const { functionName, args: callArgs } = callOn(abi);
  return new ContractFunctionExecutionError(new ContractFunctionRevertedError({ abi, data, functionName }), {
    abi,
    args: callArgs,
    functionName,
    contractAddress: POOL,
    sender: USER,
  });
}

// One row per custom error: its name, the arguments the contract reverts with, the sentence.
const cases: [string, readonly unknown[], string][] = [
  ["InvalidAsset", [USER], "The asset 0x1234…7890 is not a token contract; choose an ERC-20 token."],
  ["InvalidAssetDecimals", [4], "The asset has 4 decimals; a MetaPool needs an asset with 6 to 18 decimals."],
  ["InvalidArbiter", [], "Choose an arbiter: the zero address cannot rule on claims."],
  ["InvalidName", [65n], "The MetaPool name is 65 bytes long; it must be 1 to 64 bytes."],
  ["InvalidProtectionStatement", [5000n], "The protection statement is 5,000 bytes long; it must be 1 to 4,096 bytes."],
  ["InvalidPoolCount", [17n], "A MetaPool needs 1 to 16 coverage pools, not 17."],
  ["InvalidPoolName", [2n, 0n], "The name of coverage pool #2 is 0 bytes long; it must be 1 to 64 bytes."],
  [
    "InvalidPoolDescription",
    [1n, 300n],
    "The description of coverage pool #1 is 300 bytes long; it may be at most 280 bytes.",
  ],
  [
    "InvalidFees",
    [3000n, 2500n],
    "The arbiter fee (30 %) and the creator fee (25 %) add up to 55 %; together they may be at most 50 %.",
  ],
  ["InvalidKink", [e18], "The kink is 100 %; it must be above 0 % and below 100 % utilisation."],
  [
    "InvalidCurveSum",
    [12n * e18],
    "The base rate and both slopes add up to 1,200 % APR; together they may be at most 1,000 % APR.",
  ],
  ["InvalidPayoutMultiple", [10_001n], "The payout multiple is 10,001; it must be 0 (uncapped) or 1 to 10,000."],
  ["InvalidWithdrawalPeriod", [30n * 60n], "The withdrawal period is 30 min; it must be 1 h to 365 d."],
  ["InvalidPurchaseDelay", [31n * DAY], "The purchase delay is 31 d; it must be 1 h to 30 d."],
  ["InvalidClaimBond", [dUSD(0n, 50n), dUSD(1n)], "The claim bond is 0.50 dUSD; it must be at least 1.00 dUSD."],
  ["InvalidMinPurchase", [5_000n, 10_000n], "The minimum purchase is 0.005 dUSD; it must be at least 0.01 dUSD."],
  ["ZeroAmount", [], "Enter an amount above zero to deposit 100.00 dUSD."],
  ["ZeroAddress", [], "An address is missing (the zero address was given); fill it in to deposit 100.00 dUSD."],
  ["MetaPoolIsShutDown", [], "This MetaPool has been shut down, so it takes no more deposits, purchases or claims."],
  ["MetaPoolNotShutDown", [], "This MetaPool is not shut down; you can deposit 100.00 dUSD only after a shutdown."],
  [
    "ClaimPending",
    [7n],
    "Deposits, withdrawals and purchases wait for the arbiter's ruling on claim #7; try again once it is ruled.",
  ],
  ["InvalidPoolId", [5n, 3n], "This MetaPool has no coverage pool #5; it has 3 (#0 to #2)."],
  [
    "SyncRequired",
    [20n],
    "There are 20 due purchases to process first; sync the MetaPool (poke) until none are left, then try again.",
  ],
  [
    "TransferAmountMismatch",
    [dUSD(100n), dUSD(99n)],
    "The asset moved 99.00 dUSD instead of 100.00 dUSD; fee-on-transfer tokens are not supported.",
  ],
  [
    "UseWithdrawalRequest",
    [],
    "Withdraw by requesting a withdrawal and completing it once it unlocks; direct ERC-4626 withdrawals are disabled.",
  ],
  [
    "ZeroShares",
    [1n],
    "A deposit of <0.0001 dUSD is too little to mint a single share at the current share price; deposit more.",
  ],
  ["InsufficientShares", [dUSD(50n), dUSD(12n, 5n)], "You hold 12.05 shares, fewer than the 50.00 shares asked for."],
  ["UnknownRequest", [9n], "There is no withdrawal request #9 in this MetaPool."],
  ["NotRequestOwner", [3n, USER], "Withdrawal request #3 belongs to 0x1234…7890; only its owner can use it."],
  ["WithdrawalLocked", [NOW + 2n * DAY + 3n * HOUR], "This withdrawal unlocks on 26 Nov 2025, 19:00 UTC (in 2 d 3 h)."],
  [
    "WithdrawalWindowClosed",
    [NOW - 2n * HOUR - 46n * 60n - 40n],
    "The window to complete this withdrawal closed on 24 Nov 2025, 13:13 UTC (2 h 46 min ago); cancel the request and request again.",
  ],
  [
    "InsufficientRequestShares",
    [dUSD(10n), dUSD(4n)],
    "This request holds 4.00 shares, fewer than the 10.00 shares asked for.",
  ],
  [
    "InsufficientFreeCapital",
    [dUSD(1_250n, 5n)],
    "Only 1,250.05 dUSD of capital is free now (the rest backs cover); withdraw at most that or wait for cover to lapse.",
  ],
  [
    "BelowMinPurchase",
    [dUSD(0n, 5n), dUSD(1n)],
    "The minimum purchase in this MetaPool is 1.00 dUSD; 0.05 dUSD is too little.",
  ],
  ["CapacityExceeded", [dUSD(420n)], "Only 420.00 dUSD of capacity is left in this MetaPool."],
  ["UnknownPurchase", [12n], "There is no purchase #12 in this MetaPool."],
  ["NothingToRefund", [4n], "Purchase #4 has nothing left to refund."],
  [
    "PurchaseNotRefundable",
    [4n, NOW + 7n * DAY],
    "Purchase #4 is still pending; it matures on 1 Dec 2025, 16:00 UTC (in 7 d).",
  ],
  ["OnlyBuyer", [4n, USER], "Only the buyer, 0x1234…7890, can take back purchase #4 while a claim freezes it."],
  [
    "InsufficientCover",
    [dUSD(30n), dUSD(20n)],
    "You hold 20.00 cover tokens, fewer than the 30.00 cover tokens asked for.",
  ],
  ["EpochNotClosed", [1n, 2n], "Epoch 2 of the “Morpho Blue” pool is still open; only closed epochs redeem payouts."],
  ["NothingToRedeem", [0n, 1n], "You have nothing to redeem from epoch 1 of the “Aave v3” pool."],
  ["NotCoverHolder", [2n], "Only holders of the current cover tokens of the “Lido stETH” pool can file a claim on it."],
  ["NoActiveCover", [0n], "There is no active cover in the “Aave v3” pool, so there is nothing to claim."],
  [
    "PoolClaimPending",
    [1n, 3n],
    "Claim #3 on the “Morpho Blue” pool is already pending; wait for the arbiter's ruling.",
  ],
  [
    "IncidentBeforeEpoch",
    [NOW - 2n * DAY, NOW - DAY],
    "The incident time, 22 Nov 2025, 16:00 UTC (2 d ago), is before the current epoch opened on 23 Nov 2025, 16:00 UTC (1 d ago); pick a later time.",
  ],
  [
    "IncidentInFuture",
    [NOW + HOUR, NOW],
    "The incident time, 24 Nov 2025, 17:00 UTC (in 1 h), is after the chain's current time, 24 Nov 2025, 16:00 UTC; pick an earlier time.",
  ],
  ["EvidenceTooLong", [2048n, 1024n], "The evidence is 2,048 bytes long; it may be at most 1,024 bytes (use a link)."],
  ["NotArbiter", [USER], "Only this MetaPool's arbiter, 0x1234…7890, can deposit 100.00 dUSD."],
  ["EarlierClaimPending", [2n], "Claims are ruled in filing order: rule claim #2 first."],
  ["ClaimNotPending", [5n], "Claim #5 is not pending: it has been ruled or voided already."],
  [
    "ShutdownNotAllowed",
    [6n, NOW + 29n * DAY],
    "Only the arbiter can shut this MetaPool down now; anyone can once claim #6 has been pending until 23 Dec 2025, 16:00 UTC (in 29 d).",
  ],
  ["NoFees", [], "There are no fees to claim yet."],
  ["InvalidMaxItems", [0n], "Process 1 to 16 items at a time, not 0."],
  ["IndexOutOfRange", [4n, 4n], "There is no MetaPool #4; the factory has created 4."],
  ["FailedDeployment", [], "The new contract could not be deployed; try again."],
  ["CloneArgumentsTooLong", [], "The settings are too long to deploy as a clone; shorten the names and texts."],
  ["InsufficientBalance", [0n, e18 / 2n], "The contract holds 0 ETH but needs 0.50 ETH to deploy."],
  ["InvalidInitialization", [], "This contract has been initialised already and cannot be set up again."],
  ["NotInitializing", [], "This contract can only be set up while it is being initialised."],
  [
    "PermitTokenNotAsset",
    [USER, POOL],
    "A permit for 0x1234…7890 cannot pay this MetaPool, whose asset is 0x9876…3210; sign a permit for the asset.",
  ],
  [
    "PermitExpired",
    [NOW - HOUR, NOW],
    "The signed approval expired on 24 Nov 2025, 15:00 UTC, before the transaction landed at 24 Nov 2025, 16:00 UTC; sign a new one to deposit 100.00 dUSD.",
  ],
  [
    "PermitRejected",
    [dUSD(100n), dUSD(10n)],
    "The token refused the signed approval of 100.00 dUSD (wrong signer or already used) and only 10.00 dUSD is approved; sign again or approve in a transaction to deposit 100.00 dUSD.",
  ],
  [
    "ERC2612ExpiredSignature",
    [NOW - 2n * HOUR],
    "The signed approval expired on 24 Nov 2025, 14:00 UTC (2 h ago); sign a new one to deposit 100.00 dUSD.",
  ],
  [
    "ERC2612InvalidSigner",
    [POOL, USER],
    "The approval was signed by 0x9876…3210, not by the token holder 0x1234…7890; sign it from the account that pays.",
  ],
  [
    "InvalidAccountNonce",
    [USER, 3n],
    "The signed approval of 0x1234…7890 was already used or is out of order (the token expects nonce 3); sign a new one.",
  ],
  ["ECDSAInvalidSignature", [], "The signature is not valid; sign the approval again."],
  ["ECDSAInvalidSignatureLength", [64n], "The signature is 64 bytes long instead of 65; sign the approval again."],
  [
    "ECDSAInvalidSignatureS",
    [`0x${"ff".repeat(32)}`],
    "The signature is malformed (its s value is out of range); sign the approval again.",
  ],
  [
    "InvalidShortString",
    [],
    "The token's name could not be read for the signed approval; approve in a transaction instead.",
  ],
  [
    "StringTooLong",
    ["Demo USD with a name far longer than thirty-one bytes"],
    "The text “Demo USD with a name far longer than thi…” (53 characters) is too long for the token's signing domain.",
  ],
  [
    "AddressEmptyCode",
    [POOL],
    "There is no contract at 0x9876…3210, so the batched call could not deposit 100.00 dUSD.",
  ],
  [
    "FailedCall",
    [],
    "One call of the batch failed without a reason, so nothing was done; try to deposit 100.00 dUSD again.",
  ],
  ["OnlyMetaPool", [POOL], "Only the MetaPool 0x9876…3210 can mint or burn its cover tokens."],
  [
    "FaucetLimitExceeded",
    [dUSD(2_000_000n), dUSD(1_000_000n)],
    "The faucet gives at most 1,000,000.00 dUSD per request; 2,000,000.00 dUSD is too much.",
  ],
  [
    "ERC20InsufficientBalance",
    [USER, dUSD(40n), dUSD(100n)],
    "The account 0x1234…7890 holds only 40.00 dUSD of the 100.00 dUSD needed to deposit 100.00 dUSD.",
  ],
  [
    "ERC20InsufficientAllowance",
    [POOL, dUSD(10n), dUSD(100n)],
    "The spender 0x9876…3210 is approved for only 10.00 dUSD; approve at least 100.00 dUSD to deposit 100.00 dUSD.",
  ],
  ["ERC20InvalidApprover", [zeroAddress], "The token refuses 0x0000…0000 as an approver."],
  ["ERC20InvalidReceiver", [zeroAddress], "The token refuses 0x0000…0000 as a receiver; choose another address."],
  ["ERC20InvalidSender", [zeroAddress], "The token refuses 0x0000…0000 as a sender."],
  ["ERC20InvalidSpender", [zeroAddress], "The token refuses 0x0000…0000 as a spender."],
  [
    "SafeERC20FailedOperation",
    [POOL],
    "The token 0x9876…3210 refused the transfer, so Canopy could not deposit 100.00 dUSD.",
  ],
  [
    "ReentrancyGuardReentrantCall",
    [],
    "The MetaPool refused a call back into itself during the transaction, so it could not deposit 100.00 dUSD.",
  ],
  [
    "SafeCastOverflowedUintDowncast",
    [128, 2n ** 130n],
    "The value 1,361,129,467,683,753,853,853,498,429,727,072,845,824 is too large for the contract (at most 128 bits); use a smaller one.",
  ],
];

const errorItems = Object.values(allAbis).flatMap((abi) =>
  abi.filter((item) => item.type === "error").map((item) => item as Extract<Abi[number], { type: "error" }>),
);

describe("describeError: every custom error of our ABIs", () => {
  test.each(cases)("%s", (errorName, args, sentence) => {
    expect(describeError(reverted(errorName, args), ctx)).toBe(sentence);
  });

  test("the table above names every custom error of every ABI exactly once", () => {
    const names = cases.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...new Set(errorItems.map((item) => item.name))].sort()).toEqual([...names].sort());
  });
});

describe("describeError: completeness", () => {
  test.each(
    errorItems.map((item) => [Object.keys(allAbis).find((k) => allAbis[k]!.includes(item))!, item.name, item] as const),
  )("%s %s gets its own sentence, not the fallback", (abiName, errorName, item) => {
    const sentence = describeError(reverted(errorName, sample(item.inputs, errorName), allAbis[abiName]), ctx);
    expect(sentence.startsWith("Could not deposit 100.00 dUSD")).toBe(false);
    expect(sentence).not.toContain(errorName);
    expect(sentence).not.toMatch(/undefined|NaN|\[object|0x[0-9a-f]{8}\b/i);
    expect(sentence).not.toContain("\n");
    expect(sentence).toMatch(/^[A-Z].*\.$/);
  });
});
