import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { getPriority } from "node:os";

import { afterEach, describe, expect, it } from "vitest";

import { BACKGROUND_NICENESS, lowerPriority } from "./priority.mjs";

const children = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/**
 * A Node child that says "up" once running (its V8 and libuv threads started), then, once told on stdin, starts a
 * grandchild and prints its pid.
 */
async function nodeChildWithLateGrandchild() {
  const script = `console.log("up");
    process.stdin.once("data", () => {
      const g = require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
      console.log(g.pid);
    });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const lines = [];
  child.stdout.on("data", (d) => lines.push(...String(d).trim().split("\n")));
  const line = async (n) => {
    while (lines.length <= n) await new Promise((r) => setTimeout(r, 20));
    return lines[n];
  };
  await line(0);
  return {
    child,
    startGrandchild: async () => {
      child.stdin.write("go\n");
      return Number(await line(1));
    },
  };
}

describe("lowerPriority", () => {
  it("lowers a running Node process, every one of its threads and the children it starts later", async () => {
    const { child, startGrandchild } = await nodeChildWithLateGrandchild();
    expect(getPriority(child.pid)).toBe(0);

    expect(lowerPriority(child.pid)).toBe(true);

    // Linux: each thread has its own niceness; elsewhere the process has one.
    const linux = existsSync(`/proc/${child.pid}/task`);
    const threads = linux ? readdirSync(`/proc/${child.pid}/task`).map(Number) : [child.pid];
    if (linux) expect(threads.length).toBeGreaterThan(1);
    for (const tid of threads) expect(getPriority(tid)).toBe(BACKGROUND_NICENESS);
    const grandchildPid = await startGrandchild();
    children.push({ kill: () => process.kill(grandchildPid, "SIGKILL") });
    expect(getPriority(grandchildPid)).toBe(BACKGROUND_NICENESS);
  });

  it("reports false for a process that has exited, and throws nothing", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.once("exit", resolve));
    expect(lowerPriority(child.pid)).toBe(false);
  });
});
