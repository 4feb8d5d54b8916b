// Compiles the messages without Vite, for type-checking a fresh clone (`pnpm check`).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../i18n.config.js';

await compile(paraglideOptions);
