/**
 * The package's exports again, under their own module for `import('@mekendesh/db/adapters')`: the API's composition
 * makes most stores on their first call through it (functions/api/src/composition.ts dbPort). A dynamic import of
 * the package's main module would not split (the main module is already loaded with the API), so the stores would
 * load with the first request; this module is imported by nothing else, so its stores load only when called.
 * Importing each store's own file instead was measured worse (289.5 KB gz before the first answer against 277.1): some
 * of those files are also imported statically, and a dynamic import keeps every export of its target live in the
 * chunks the first answer loads. The price is paid later: the first call of any of these stores loads them all.
 */
export * from './index.js';
