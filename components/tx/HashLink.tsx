import { appChain } from "@/lib/chain";

function shortHash(hash: string) {
  return `${hash.slice(0, 10)}…${hash.slice(-6)}`;
}

/** A transaction hash, shortened, linked to the chain's explorer when it has one. */
export function HashLink({ hash }: { hash: string }) {
  const explorer = appChain.blockExplorers?.default.url;
  if (!explorer) return <span className="font-mono">{shortHash(hash)}</span>;
  return (
    <a className="font-mono underline" href={`${explorer}/tx/${hash}`} target="_blank" rel="noreferrer">
      {shortHash(hash)}
    </a>
  );
}
