export * from './organisations.js';
export * from './projects.js';
export * from './users.js';
export * from './demand-profiles.js';
export { SOM, splitExact } from './make-project.js';
export * from './receiving-accounts.js';
export * from './programmes.js';
export * from './activity.js';
export * from './activity-progress.js';
