export * from './cognito.js';
export * from './demo.js';
export * from './demo-programme.js';
export * from './processes.js';
export * from './media.js';
export * from './ports.js';
export * from './demo-receiving-accounts.js';
export * from './demo-activity.js';
