// What Turbopack bundles in place of the optional peers listed in next.config.ts (webpack aliases them to `false`).
export {};
