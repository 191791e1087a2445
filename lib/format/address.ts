/** "0x1234…abcd": the first 6 and last 4 characters; anything of 12 characters or fewer as it is. */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** Address equality whatever the letter case (checksummed or not); false when either is missing. */
export function sameAddress(a: string | undefined | null, b: string | undefined | null): boolean {
  return Boolean(a && b) && a!.toLowerCase() === b!.toLowerCase();
}
