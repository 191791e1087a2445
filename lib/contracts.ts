import { demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi } from "@/abis";

/**
 * A MetaPool answers both facets' functions at one address (the core runs the actions, its
 * fallback delegates views, share transfers and settlement to the extension).
 */
export const metaPoolFullAbi = [...metaPoolAbi, ...metaPoolExtensionAbi] as const;

export { deployment, type Deployment } from "@/lib/deployment";

export { demoTokenAbi };
