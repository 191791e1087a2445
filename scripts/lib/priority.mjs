// Lowers a background process's CPU priority, so on a small machine the dev server's compiles and the developer's
// browser go first and the background work takes the idle cores.
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/** Niceness of the indexer in `npm run dev`: a tenth of the CPU share of a normal process while both are busy. */
export const BACKGROUND_NICENESS = 10;

/**
 * Sets `niceness` on process `pid` and each of its threads (Linux keeps one per thread, and Node starts its threads
 * before a parent can reach them); threads and children it starts later inherit it. Returns whether it was set: a
 * process that has exited, or a system that refuses, leaves it as it was.
 */
export function lowerPriority(pid, niceness = BACKGROUND_NICENESS) {
  let threads;
  try {
    threads = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    threads = [pid]; // no /proc (macOS): the process alone
  }
  let set = false;
  for (const tid of threads) {
    try {
      setPriority(tid, niceness);
      set = true;
    } catch {
      // exited meanwhile, or not permitted
    }
  }
  return set;
}
