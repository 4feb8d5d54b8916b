/**
 * The email notifier on its own module for `import('@mekendesh/domain/notifier')`: the API makes it on the first
 * notice (functions/api/src/composition.ts), so the notices' texts and rules are not loaded by a request that sends
 * none. A dynamic import of the package's main module would not split (it is already loaded with the API).
 */
export { emailNotifier } from './notifications.js';
