// The ABIs the indexer decodes: abis/index.ts, generated from the forge build by `npm run abis` (never copied by
// hand), so a rebuild of the contracts reaches the indexer and a changed event fails its typecheck.
export { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "../abis";
