// Public pages are complete HTML: no client-side JavaScript is shipped, so they work on any phone,
// without JS and on slow connections. A future interactive page can opt back in with `csr = true`.
export const csr = false;
