/**
 * `pnpm bench [--small]`: every benchmark, one after another, each printing its own figures:
 * sizes (API bundle, web client JS), discovery latency at two table sizes, pledges per second.
 */
await import('./sizes.js');
await import('./run.js');
await import('./pledges.js');
