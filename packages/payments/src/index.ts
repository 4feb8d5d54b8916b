export * from './stripe-payments.js';
