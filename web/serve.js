// Starts the built app (build/index.js) and, when ORIGIN is set, treats every request as made to that
// origin. adapter-node 6 no longer reads ORIGIN; without it the server assumes https unless a proxy sends
// PROTOCOL_HEADER, so a browser POSTing to http://127.0.0.1:PORT fails Kit's CSRF origin check.
// Usage: ORIGIN=http://127.0.0.1:3000 PORT=3000 HOST=127.0.0.1 API_URL=http://127.0.0.1:8787 node web/serve.js
import process from 'node:process';
import { answerClientErrors, presetSecurityHeaders } from './security-headers.js';

const PROTO = 'x-mekendesh-origin-proto';
const HOST = 'x-mekendesh-origin-host';
const origin = process.env.ORIGIN ? new URL(process.env.ORIGIN) : undefined;

if (origin) {
	if (process.env.PROTOCOL_HEADER || process.env.HOST_HEADER) {
		throw new Error('Set either ORIGIN or PROTOCOL_HEADER/HOST_HEADER, not both');
	}
	// Read by adapter-node when its handler loads, so they must be set before the import below.
	process.env.PROTOCOL_HEADER = PROTO;
	process.env.HOST_HEADER = HOST;
}

// Photos and documents no longer come through this server (issue 14: the forms post them straight to the object store).
// The largest form left is staff's bank statement (up to 1,000,000 bytes as a file, or pasted text URL-encoded at up to 3
// bytes a byte: form-body.ts FORM_LIMITS, 6 MiB), over adapter-node's default of 512K.
process.env.BODY_SIZE_LIMIT ??= '6M';

// A variable specifier: the build output does not exist when the source is type-checked.
const entry = './build/index.js';
/** @type {{ server: import('node:http').Server }} */
const { server } = await import(entry);

// Static files (/favicon.svg, /robots.txt, /_app/*) are served by adapter-node before any hook runs: give every
// response the security headers first; Kit's pages then set their own over them.
server.prependListener('request', (_req, res) => presetSecurityHeaders(res));
answerClientErrors(server);

if (origin) {
	const proto = origin.protocol.slice(0, -1);
	// Runs before adapter-node's own listener; overwrites whatever a client sent in these headers.
	server.prependListener('request', (req) => {
		req.headers[PROTO] = proto;
		req.headers[HOST] = origin.host;
	});
}
