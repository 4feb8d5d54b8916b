export * from './cold-start-env.js';
export * from './observability.js';
