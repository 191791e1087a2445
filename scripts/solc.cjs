#!/usr/bin/env node
// forge cannot download a native solc offline, so it calls this wrapper around the
// npm `solc` package (soljson, pinned in package.json). forge invokes it as
//   solc --version
//   solc --standard-json --base-path B --include-path I --allow-paths A   (JSON on stdin)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);

if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

if (!args.includes("--standard-json")) {
  process.stderr.write("scripts/solc.cjs only supports --version and --standard-json\n");
  process.exit(2);
}

const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--base-path" || args[i] === "--include-path") roots.push(args[++i]);
  else if (args[i] === "--allow-paths") args[++i].split(",").forEach((p) => p && roots.push(p));
}
if (roots.length === 0) roots.push(process.cwd());

// Sources normally arrive inline; this only resolves what forge did not embed.
function findImports(importPath) {
  const candidates = path.isAbsolute(importPath) ? [importPath] : roots.map((r) => path.resolve(r, importPath));
  for (const file of candidates) {
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, "utf8") };
  }
  return { error: `File not found: ${importPath} (searched ${roots.join(", ")})` };
}

const input = fs.readFileSync(0, "utf8");
process.stdout.write(solc.compile(input, { import: findImports }));
