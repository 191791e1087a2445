/** Words a creator uses when saying who rules on claims. */
const ABOUT_THE_ARBITER = /\b(arbiter|arbitrat\w*|ruled by|rules? on claims|rulings? (?:is|are) made by)\b/i;

/**
 * The sentence of the creator's texts that says who the arbiter is ("Claims are ruled by the Acme security
 * council."), cut at a word to `maxLength` characters; null when no sentence names it. The protocol stores no
 * arbiter text, so this is the creator's word, shown as such.
 */
export function arbiterLabel(statement: string, maxLength = 160): string | null {
  const sentence = statement
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .find((s) => ABOUT_THE_ARBITER.test(s));
  if (!sentence) return null;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > maxLength / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
