#!/usr/bin/env node
// `npm run bench:bundle:sources`: which source files make up each route's First Load JS, in gzip KB.
// Next's table gives each route's total only; this splits it by source. A production build with browser source maps
// (BUNDLE_SOURCEMAPS=1, its own dist dir, default .next-e2e-bundle-sources) is read back: each chunk's minified
// text is cut along its source map into the sources it came from, each source's text is gzipped on its own and the
// figures are scaled so a chunk's sources add up to the chunk's gzip size (what Next counts). Needs no chain.
// Options: --no-build (reuse the build), --dist-dir <dir>, --top <rows per route, 25>, --routes </create,/portfolio>,
// --expand <viem,@wagmi/core> (those packages file by file).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { buildApp } from "./lib/next-bench.mjs";
import { repoDir } from "./lib/paths.mjs";

const { values: opts } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    "dist-dir": { type: "string", default: ".next-e2e-bundle-sources" },
    top: { type: "string", default: "25" },
    routes: { type: "string", default: "" },
    expand: { type: "string", default: "" },
  },
});
const distDir = join(repoDir, opts["dist-dir"]);
const gz = (text) => gzipSync(text, { level: 6 }).length;

if (!opts["no-build"]) {
  process.env.BUNDLE_SOURCEMAPS = "1";
  await buildApp(opts["dist-dir"]);
}
if (!existsSync(join(distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}: run without --no-build`);

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One source-map "mappings" line: [generated column, source index or -1] per segment (VLQ, state across lines). */
function decodeLine(line, state) {
  const segments = [];
  for (const segment of line.split(",")) {
    if (!segment) continue;
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    state.column += values[0];
    if (values.length > 1) state.source += values[1];
    segments.push([state.column, values.length > 1 ? state.source : -1]);
  }
  return segments;
}

const expanded = new Set(opts.expand ? opts.expand.split(",") : []);

/** Source path as a person reads it: a package's name for node_modules (its files with --expand), else the path. */
function label(source) {
  const path = source.replace(/^webpack:\/\/_N_E\//, "").replace(/^\.\//, "");
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/);
  if (pkg && expanded.has(pkg[1])) return `${pkg[1]}/${pkg[2]}`;
  return pkg ? `${pkg[1]} (package)` : path.replace(/\?.*$/, "");
}

/** A chunk's gzip size split over its sources: Map(label → bytes). */
const chunkCache = new Map();
function chunkSources(file) {
  if (chunkCache.has(file)) return chunkCache.get(file);
  const code = readFileSync(join(distDir, file), "utf8");
  const total = gz(code);
  const parts = new Map();
  const mapFile = join(distDir, `${file}.map`);
  if (existsSync(mapFile)) {
    const map = JSON.parse(readFileSync(mapFile, "utf8"));
    const lines = code.split("\n");
    const state = { column: 0, source: 0 };
    map.mappings.split(";").forEach((mapping, index) => {
      state.column = 0;
      const text = lines[index] ?? "";
      const segments = decodeLine(mapping, state);
      segments.forEach(([column, source], i) => {
        const end = segments[i + 1]?.[0] ?? text.length;
        const name = source < 0 ? "(unmapped)" : label(map.sources[source]);
        parts.set(name, (parts.get(name) ?? "") + text.slice(column, end));
      });
    });
  } else parts.set(`(no source map) ${file}`, code);
  const own = new Map([...parts].map(([name, text]) => [name, gz(text)]));
  const sum = [...own.values()].reduce((a, b) => a + b, 0) || 1;
  const scaled = new Map([...own].map(([name, bytes]) => [name, (bytes * total) / sum]));
  const result = { total, sources: scaled };
  chunkCache.set(file, result);
  return result;
}

const pages = JSON.parse(readFileSync(join(distDir, "app-build-manifest.json"), "utf8")).pages;
const wanted = opts.routes ? opts.routes.split(",") : null;
const kb = (bytes) => (bytes / 1024).toFixed(1);
for (const [page, files] of Object.entries(pages)) {
  const route = page.replace(/\/(page|route)$/, "") || "/";
  if (page === "/layout" || page.startsWith("/_") || route.endsWith(".webmanifest")) continue;
  if (wanted && !wanted.includes(route)) continue;
  const totals = new Map();
  let all = 0;
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    const { total, sources } = chunkSources(file);
    all += total;
    for (const [name, bytes] of sources) totals.set(name, (totals.get(name) ?? 0) + bytes);
  }
  // Next's table counts kB of 1 000 bytes.
  console.log(`\n${route}: First Load JS ${(all / 1000).toFixed(0)} kB as Next counts it (${kb(all)} KB gzip)`);
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top));
  for (const [name, bytes] of rows) console.log(`  ${kb(bytes).padStart(6)}  ${name}`);
}
