/** Every stored item type, each declared once in its module (see docs/storage.md). */
import * as accounts from './accounts.js';
import * as catalogue from './catalogue.js';
import * as clubs from './clubs.js';
import * as follows from './follows.js';
import * as money from './money.js';
import * as ops from './ops.js';
import * as questions from './questions.js';
import * as reports from './reports.js';
import * as stats from './stats.js';
import type { Entity } from './define.js';

export * from './define.js';
export * from './accounts.js';
export * from './catalogue.js';
export * from './clubs.js';
export * from './follows.js';
export * from './money.js';
export * from './ops.js';
export * from './questions.js';
export * from './reports.js';
export * from './stats.js';

const isEntity = (v: unknown): v is Entity<never, never> =>
  typeof v === 'object' && v !== null && 'spec' in v && 'key' in v && 'indexKeys' in v;

/** The registry: every entity of every module, in declaration order. The table's indexes are derived from it. */
export const ENTITIES: readonly Entity<never, never>[] = [
  accounts,
  catalogue,
  money,
  ops,
  follows,
  clubs,
  questions,
  stats,
  reports,
].flatMap((m) => Object.values(m).filter(isEntity));
