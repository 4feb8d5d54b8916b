// The security headers of every web response, in one plain module: read by the app's hook
// (src/lib/server/security-headers.ts), by serve.js for the static files adapter-node serves before any hook
// runs, and by vite.config.ts for the same files under `vite dev` and `vite preview`.

/** @type {Readonly<Record<string, string>>} Headers every response carries. CSP for pages comes from Kit's `csp` config (vite.config.ts). */
export const SECURITY_HEADERS = {
	'strict-transport-security': 'max-age=63072000; includeSubDomains',
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** For responses Kit gives no CSP (static files, redirects, endpoints, plain errors): nothing may load or frame them. */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Sets the security headers and the fallback CSP on a Node response before anything else answers it. A page
 * answered later by Kit replaces them with its own (its CSP with nonces), so only static files keep the fallback.
 * A 304 goes without the fallback CSP: a browser copies a 304's headers onto the page it kept (RFC 9111 §4.3.4),
 * and Kit's 304 for a page carries no CSP of its own, so the fallback would replace the page's CSP and a revisited
 * page would lose its styles (`default-src 'none'`). Without one, the kept page keeps the CSP it came with.
 * @param {import('node:http').ServerResponse} res
 * @example server.prependListener('request', (_req, res) => presetSecurityHeaders(res));
 */
export function presetSecurityHeaders(res) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	res.setHeader('content-security-policy', FALLBACK_CSP);
	const writeHead = res.writeHead;
	res.writeHead = /** @type {typeof res.writeHead} */ (
		function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
			if (status === 304 && res.getHeader('content-security-policy') === FALLBACK_CSP) res.removeHeader('content-security-policy');
			return writeHead.call(this, status, ...rest);
		}
	);
}

const CLIENT_ERROR_PAGE = {
	431: {
		reason: 'Request Header Fields Too Large',
		lines: [
			['ky', 'Шилтеме же суроонун баштары өтө узун. Башкы бетке кайтыңыз.'],
			['ru', 'Ссылка или заголовки запроса слишком длинные. Вернитесь на главную страницу.'],
			['en', 'The link or the request headers are too long. Go back to the home page.'],
		],
	},
	400: {
		reason: 'Bad Request',
		lines: [
			['ky', 'Суроону окууга мүмкүн эмес. Башкы бетке кайтыңыз.'],
			['ru', 'Запрос невозможно прочитать. Вернитесь на главную страницу.'],
			['en', 'The request cannot be read. Go back to the home page.'],
		],
	},
};

/**
 * Node answers requests it cannot parse itself, before adapter-node or any hook (a 50 KB query string: 431;
 * broken HTTP: 400), with a bare status. This answers them with a small page and the security headers; the
 * request's language was not read, so the page says it in Kyrgyz, Russian and English.
 * @param {Pick<import('node:http').Server, 'on'>} server
 * @example answerClientErrors(server);
 */
export function answerClientErrors(server) {
	server.on('clientError', (/** @type {NodeJS.ErrnoException} */ err, /** @type {import('node:stream').Duplex} */ socket) => {
		if (err.code === 'ECONNRESET' || !socket.writable) return;
		const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
		const page = CLIENT_ERROR_PAGE[status];
		const body =
			'<!doctype html><html lang="ky"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Мекендеш</title></head><body><main>' +
			page.lines.map(([lang, text]) => `<p lang="${lang}">${text}</p>`).join('') +
			'<p><a href="/">Мекендеш</a></p></main></body></html>';
		const headers = {
			'content-type': 'text/html; charset=utf-8',
			'content-length': String(Buffer.byteLength(body)),
			'cache-control': 'no-store',
			connection: 'close',
			...SECURITY_HEADERS,
			'content-security-policy': FALLBACK_CSP,
		};
		const head = [`HTTP/1.1 ${status} ${page.reason}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
		socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
	});
}
