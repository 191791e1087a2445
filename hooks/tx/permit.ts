import { encodeFunctionData, erc20Abi, parseSignature, type Address, type Hex } from "viem";
import { getBlock, readContracts, signTypedData } from "wagmi/actions";

import { metaPoolExtensionAbi } from "@/abis";
import { appChain } from "@/lib/chain";
import { permitDeadline, permitDomain, permitTypes, type Eip712DomainTuple } from "@/lib/tx/approvalMode";
import type { wagmiConfig } from "@/lib/wagmi";

const permitReadAbi = [
  ...erc20Abi,
  {
    type: "function",
    name: "nonces",
    stateMutability: "view",
    inputs: [{ name: "owner", type: "address" }],
    outputs: [{ type: "uint256" }],
  },
  { type: "function", name: "DOMAIN_SEPARATOR", stateMutability: "view", inputs: [], outputs: [{ type: "bytes32" }] },
  {
    type: "function",
    name: "eip712Domain",
    stateMutability: "view",
    inputs: [],
    outputs: [
      { name: "fields", type: "bytes1" },
      { name: "name", type: "string" },
      { name: "version", type: "string" },
      { name: "chainId", type: "uint256" },
      { name: "verifyingContract", type: "address" },
      { name: "salt", type: "bytes32" },
      { name: "extensions", type: "uint256[]" },
    ],
  },
] as const;

export interface PermitSupport {
  domain: ReturnType<typeof permitDomain> & object;
  nonce: bigint;
}

/** Whether `token` takes EIP-2612 permits we can trust (its ERC-5267 domain matches its separator). */
export async function readPermitSupport(
  config: typeof wagmiConfig,
  token: Address,
  owner: Address,
): Promise<PermitSupport | null> {
  const [domain, separator, nonce] = await readContracts(config, {
    allowFailure: true,
    contracts: [
      { address: token, abi: permitReadAbi, functionName: "eip712Domain", chainId: appChain.id },
      { address: token, abi: permitReadAbi, functionName: "DOMAIN_SEPARATOR", chainId: appChain.id },
      { address: token, abi: permitReadAbi, functionName: "nonces", args: [owner], chainId: appChain.id },
    ],
  });
  if (domain.status !== "success" || separator.status !== "success" || nonce.status !== "success") return null;
  const checked = permitDomain(domain.result as Eip712DomainTuple, separator.result);
  return checked ? { domain: checked, nonce: nonce.result } : null;
}

/** Asks the wallet to sign the permit and returns the MetaPool call that spends it (`selfPermit`). */
export async function signSelfPermit(
  config: typeof wagmiConfig,
  args: { token: Address; owner: Address; spender: Address; value: bigint; support: PermitSupport },
): Promise<Hex> {
  const block = await getBlock(config, { chainId: appChain.id });
  const deadline = permitDeadline(block.timestamp);
  const signature = await signTypedData(config, {
    account: args.owner,
    domain: args.support.domain,
    types: permitTypes,
    primaryType: "Permit",
    message: { owner: args.owner, spender: args.spender, value: args.value, nonce: args.support.nonce, deadline },
  });
  const { r, s, v, yParity } = parseSignature(signature);
  return encodeFunctionData({
    abi: metaPoolExtensionAbi,
    functionName: "selfPermit",
    args: [args.token, args.value, deadline, Number(v ?? BigInt(yParity + 27)), r, s],
  });
}
