// What Turbopack bundles in place of the modules next.config.ts leaves out (webpack aliases them to `false`).
// CommonJS, so a named import of it is `undefined` rather than a missing-export error.
module.exports = {};
