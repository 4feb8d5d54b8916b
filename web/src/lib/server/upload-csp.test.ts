import { describe, expect, it } from 'vitest';
import { allowFormTarget } from './upload-csp.js';

const page = (csp?: string) => new Response('<p>x</p>', { headers: csp ? { 'content-security-policy': csp } : {} });

describe('allowFormTarget', () => {
	it("adds the object store's origin to form-action and to nothing else", () => {
		const csp = "default-src 'self'; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'";
		expect(allowFormTarget(page(csp), 'https://media.s3.eu-central-1.amazonaws.com').headers.get('content-security-policy')).toBe(
			"default-src 'self'; form-action 'self' https://checkout.stripe.com https://media.s3.eu-central-1.amazonaws.com; frame-ancestors 'none'",
		);
	});
	it('leaves the policy alone without an origin, with a malformed one, or without a policy', () => {
		const csp = "form-action 'self'";
		expect(allowFormTarget(page(csp), '').headers.get('content-security-policy')).toBe(csp);
		expect(allowFormTarget(page(csp), "https://x.example; script-src 'unsafe-inline'").headers.get('content-security-policy')).toBe(csp);
		expect(allowFormTarget(page(), 'https://x.example').headers.get('content-security-policy')).toBeNull();
	});
});
