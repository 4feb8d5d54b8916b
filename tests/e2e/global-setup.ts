import type { TestProject } from 'vitest/node';
import { startWebStack, type WebStack } from '../fixtures/web-stack.js';

let stack: WebStack | undefined;

/**
 * The whole stack as `pnpm dev` runs it, but on free ports with fresh data (tests/fixtures/web-stack.ts):
 * the built web app, the API, DynamoDB Local in memory with the demo data, cognito-local with the demo
 * accounts, the dev outbox.
 */
export async function setup(project: TestProject) {
	stack = await startWebStack();
	project.provide('webUrl', stack.webUrl);
	project.provide('apiUrl', stack.apiUrl);
	project.provide('clockFile', stack.clockFile);
	project.provide('dynamoEndpoint', stack.dynamoEndpoint);
	project.provide('tableName', stack.tableName);
	project.provide('totpSecrets', stack.totpSecrets);
	project.provide('e2eCognito', stack.cognito);
}

export async function teardown() {
	await stack?.stop();
}

declare module 'vitest' {
	export interface ProvidedContext {
		webUrl: string;
		apiUrl: string;
		/** Write milliseconds here to move the API's clock ahead (tests that need a later day); remove it after. */
		clockFile: string;
		/** The stack's DynamoDB Local and table (tests that prepare data no route makes). */
		dynamoEndpoint: string;
		tableName: string;
		/** The demo staff and admin accounts' TOTP secrets by email (they sign in with a code: issue 14). */
		totpSecrets: Record<string, string>;
		/** cognito-local and its pool (tests that make a staff account as an administrator does). */
		e2eCognito: { endpoint: string; userPoolId: string };
	}
}
