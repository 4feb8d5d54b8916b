export * from './cognito-identity.js';
export * from './token-verifier.js';
