// Paraglide compiler options, shared by the Vite plugin (dev, build) and scripts/compile-i18n.js (`pnpm check`),
// so the generated runtime is the same whichever compiled it. (A paraglide.config.js inside project.inlang
// would be swallowed by the .gitignore inlang writes there.)

/** @satisfies {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: /** @type {const} */ (['url', 'cookie', 'preferredLanguage', 'baseLocale']),
	urlPatterns: [
		// Files, not pages: a browser's navigation to a document download or a photo must not be sent to /<lang>/…
		// (the middleware redirects requests for pages without a language prefix). Every language maps to the path itself.
		...['/documents/:path(.*)?', '/media/:path(.*)?'].map((pattern) => ({
			pattern,
			localized: /** @type {[string, string][]} */ ([
				['ky', pattern],
				['ru', pattern],
				['en', pattern],
			]),
		})),
		{
			pattern: '/:path(.*)?',
			localized: /** @type {[string, string][]} */ ([
				['ky', '/ky/:path(.*)?'],
				['ru', '/ru/:path(.*)?'],
				['en', '/en/:path(.*)?'],
			]),
		},
	],
	// Kit's default is no trailing slash. (localizeHref('/') still gives '/ky/'; see src/lib/paths.ts.)
	trailingSlash: /** @type {const} */ ('never'),
	emitReadme: false,
};
