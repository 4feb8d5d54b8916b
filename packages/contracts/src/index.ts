export * from './locale.js';
export * from './money.js';
export * from './problem.js';
export * from './project.js';
export * from './territory.js';
export * from './organisation.js';
