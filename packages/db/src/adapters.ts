/**
 * The package's exports again, under their own module for `import('@mekendesh/db/adapters')`: the API's composition
 * makes most stores on their first call through it (functions/api/src/composition.ts dbPort). A dynamic import of
 * the package's main module would not split (the main module is already loaded with the API), so the stores would
 * load with the first request; this module is imported by nothing else, so its stores load only when called.
 */
export * from './index.js';
