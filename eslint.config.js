// ESLint for the whole workspace (`pnpm lint`): ESLint's and typescript-eslint's recommended rules for
// TypeScript and JavaScript, eslint-plugin-svelte's for the web app's components. Formatting is Prettier's
// alone (.prettierrc.json), so no stylistic rule is enabled here.
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Type-aware rules (no-floating-promises, no-misused-promises...) are opt-in with LINT_TYPED=1: they build
// TypeScript programs for every tsconfig, measured at over 5 CPU-minutes for the workspace (27 CPU-s for
// packages/domain alone) against 16 CPU-s for this syntactic pass on 2 cores.
const typed = process.env.LINT_TYPED === '1';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/.svelte-kit/',
    '**/build/',
    '**/dist/',
    '**/cdk.out/',
    '.tools/',
    '.local/',
    '.cognito/',
    'bench-results/',
    // Compiled from web/messages by Paraglide on every build.
    'web/src/lib/paraglide/',
  ]),
  eslint.configs.recommended,
  typed ? tseslint.configs.recommendedTypeChecked : tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: typed
        ? {
            projectService: { allowDefaultProject: ['*.js', 'web/*.js', 'web/scripts/*.js'] },
            tsconfigRootDir: import.meta.dirname,
          }
        : {},
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    rules: {
      // A leading underscore names what is left out on purpose: `const { secret: _secret, ...rest } = item`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // The app is served at the root (no `paths.base`) and builds its links with the reader's language prefix: resolve() adds nothing.
      'svelte/no-navigation-without-resolve': 'off',
      // `{' '}` and `{', '}` keep a space between inline elements that formatters and Svelte's whitespace handling would drop.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Lambda code imports packages/domain and packages/db by file. esbuild code-splits by file: a package index that the
    // API's first answer reaches puts every file any other route uses from it into the chunks that answer loads
    // (issue 14: the API's cold start, tests/bench/function-bundles.test.ts). Tests and the web app may use the index.
    files: [
      'functions/*/src/**/*.ts',
      'packages/db/src/**/*.ts',
      'packages/identity/src/**/*.ts',
      'packages/payments/src/**/*.ts',
      'packages/storage/src/**/*.ts',
      'packages/lambda-runtime/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts', 'packages/db/src/adapters.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mekendesh/domain',
              message: "Import the file: '@mekendesh/domain/<file>' (the index defeats the API's code splitting).",
            },
            { name: '@mekendesh/db', message: "Import the file: '@mekendesh/db/<file>' (the index defeats the API's code splitting)." },
          ],
        },
      ],
    },
  },
);
