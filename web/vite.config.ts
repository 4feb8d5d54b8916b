import { paraglideVitePlugin } from '@inlang/paraglide-js';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { paraglideOptions } from './i18n.config.js';
import { presetSecurityHeaders } from './security-headers.js';

/** Static files and Vite's own answers under `vite dev` and `vite preview` get the same security headers as pages. */
const securityHeaders: Plugin = {
	name: 'mekendesh-security-headers',
	configureServer: (server) => void server.middlewares.use((_req, res, next) => (presetSecurityHeaders(res), next())),
	configurePreviewServer: (server) => void server.middlewares.use((_req, res, next) => (presetSecurityHeaders(res), next())),
};

// Under `pnpm dev` and `vite preview`, /v1 reaches the API as it does behind CloudFront (same origin), so `pnpm smoke
// http://localhost:5173` checks the local stack as it checks a deployed one (scripts/smoke.ts).
const apiProxy = { '/v1': { target: process.env.API_URL ?? 'http://127.0.0.1:8787', changeOrigin: false } };

export default defineConfig({
	server: { proxy: apiProxy },
	preview: { proxy: apiProxy },
	plugins: [
		securityHeaders,
		// Compiles messages/*.json into src/lib/paraglide (git-ignored) on every dev start and build;
		// the options are shared with `pnpm check` through i18n.config.js.
		paraglideVitePlugin(paraglideOptions),
		sveltekit({
			adapter: adapter({ out: 'build' }),
			// Kit's origin check is replaced by the one in hooks.server.ts (same-origin.ts): Kit's runs only in
			// built apps and answers in English plain text; ours runs under `vite dev` too, in the reader's language.
			csrf: { trustedOrigins: ['*'] },
			// 'auto': hashes for prerendered pages, a nonce for SSR pages, so no script ever needs 'unsafe-inline'.
			// Public pages ship no JavaScript at all (csr = false), so in practice no script runs.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self'],
					'img-src': ['self', 'data:', 'https:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					// "Pay by card" posts here and is redirected to Stripe Checkout: browsers check redirects of a form against form-action.
					'form-action': ['self', 'https://checkout.stripe.com'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none'],
				},
			},
		}),
	],
});
