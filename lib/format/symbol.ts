/** The symbol the contract gives a coverage pool epoch's cover token (SPEC §5): "cnpy-<pool>-e<epoch>". */
export function coverTokenSymbol(poolId: number, epoch: number | bigint): string {
  return `cnpy-${poolId}-e${epoch}`;
}
