import { describe, expect, it } from 'vitest';
import { FALLBACK_CSP, withSecurityHeaders } from './security-headers.js';

describe('withSecurityHeaders', () => {
	it('adds the headers and keeps a CSP Kit already set', () => {
		const page = new Response('<p>hi</p>', {
			headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'" },
		});
		const out = withSecurityHeaders(page);
		expect(out.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
		expect(out.headers.get('x-content-type-options')).toBe('nosniff');
		expect(out.headers.get('x-frame-options')).toBe('DENY');
		expect(out.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(out.headers.get('content-security-policy')).toBe("default-src 'self'");
	});

	it('gives responses without a CSP one that forbids framing', () => {
		const out = withSecurityHeaders(new Response(null, { status: 307, headers: { location: '/ky' } }));
		expect(out.headers.get('content-security-policy')).toBe(FALLBACK_CSP);
		expect(FALLBACK_CSP).toContain("frame-ancestors 'none'");
	});

	it('copies a response whose headers are immutable', async () => {
		const immutable = Response.redirect('http://example.test/ky', 302); // headers are immutable
		const out = withSecurityHeaders(immutable);
		expect(out).not.toBe(immutable);
		expect(out.status).toBe(302);
		expect(out.headers.get('location')).toBe('http://example.test/ky');
		expect(out.headers.get('x-frame-options')).toBe('DENY');
	});
});
