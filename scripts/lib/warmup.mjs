// Warms the dev server: once Next answers, each route is requested once (the page and the scripts it references),
// one after another, so a developer's first visit to a route finds it compiled. `/` goes first, so the first page
// costs nothing extra. DEV_WARMUP=0 turns it off.

const firstRoute = "/";
const otherRoutes = [
  "/create",
  "/metapool/0x0000000000000000000000000000000000000001",
  "/arbiter",
  "/portfolio",
  "/how-it-works",
];

async function get(url, timeoutMs) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return res.text();
}

/** Next listens before it compiles anything; resolves once it answers at all (or after `timeoutMs`). */
async function untilAnswering(appUrl, timeoutMs) {
  const started = Date.now();
  for (;;) {
    try {
      await fetch(appUrl, { method: "HEAD", signal: AbortSignal.timeout(timeoutMs) });
      return;
    } catch {
      if (Date.now() - started > timeoutMs) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function warmRoute(appUrl, route, timeoutMs) {
  try {
    const html = await get(appUrl + route, timeoutMs);
    // The route's client chunks compile when they are first requested: ask for them now too.
    const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/[^"]+)"/g)].map((m) => m[1]);
    await Promise.all(scripts.map((src) => get(appUrl + src, timeoutMs).catch(() => {})));
  } catch {
    // the route failed to compile: the developer sees Next's own error on visiting it
  }
}

/**
 * Compiles `/`, then the other routes one after another (a warm-up never stops the dev server).
 * Returns `first`, resolved once `/` is compiled (or failed to), and `all`, once every route is.
 */
export function warmRoutes(appUrl, { log = console.log, timeoutMs = 300_000 } = {}) {
  const started = Date.now();
  const first = untilAnswering(appUrl, timeoutMs).then(() => warmRoute(appUrl, firstRoute, timeoutMs));
  const all = first.then(async () => {
    for (const route of otherRoutes) await warmRoute(appUrl, route, timeoutMs);
    log(
      `  routes warmed in ${((Date.now() - started) / 1000).toFixed(0)} s: a first visit to any page is compiled already`,
    );
  });
  return { first, all };
}
