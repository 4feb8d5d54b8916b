export * from './cognito-identity.js';
export * from './token-verifier.js';
export * from './ses-mailer.js';
