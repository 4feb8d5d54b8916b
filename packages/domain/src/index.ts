export * from './errors.js';
export * from './money.js';
export * from './lifecycle.js';
export * from './ports.js';
export * from './projects.js';
