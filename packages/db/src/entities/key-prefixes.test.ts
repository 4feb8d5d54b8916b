import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from './index.js';

/**
 * Issue 10's test, "grep finds key prefixes only in the entity modules", as a unit test: every non-test
 * source file of the repository is read for string literals (quotes or backticks, comments included) that
 * spell a key. A key is spelled when a literal starts with a prefix the entities declare (`PROJECT#`,
 * `PX#`), is one of their fixed keys (`'FXRATES'`, `'DEMO_DATA'`), or starts like a prefix of an entity
 * nobody declared (capitals, then `#`). Test files are left out: their fixtures may write keys on purpose.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTITY_DIR = 'packages/db/src/entities/';
/** Where source lives (web's server code included: it must never know a key). */
const SOURCE_DIRS = ['packages', 'functions', 'scripts', 'infra/bin', 'infra/lib', 'tests/fixtures', 'tests/bench', 'web/src'];
const SKIPPED_DIRS = new Set(['node_modules', '.svelte-kit', 'cdk.out', 'dist', 'build', 'spike-entities']);

/** Spelled keys allowed outside the entity modules, each with its reason. `file` relative to the repo root. */
const ALLOWED: readonly { file: string; literal: string; reason: string }[] = [
  {
    file: 'tests/bench/baseline.ts',
    literal: 'BENCHBASE#',
    reason: "the bench's synthetic partitions measure the emulator's own Query cost; no application entity is stored there",
  },
];

/** What a literal may not start with, or be, outside the entity modules: from every entity's declared shapes. */
function declaredKeys(): { prefixes: Set<string>; fixed: Set<string> } {
  const prefixes = new Set<string>();
  const fixed = new Set<string>();
  for (const e of ENTITIES) {
    const shapes = [e.spec.table.shape, ...Object.values(e.spec.indexes ?? {}).map((d) => d!.shape)].flat();
    for (const shape of shapes) {
      const head = shape.split('<')[0]!;
      if (!shape.includes('<')) fixed.add(shape);
      if (head.includes('#')) prefixes.add(head.slice(0, head.indexOf('#') + 1));
    }
  }
  return { prefixes, fixed };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return SKIPPED_DIRS.has(d.name) ? [] : sourceFiles(path);
    return /\.(ts|svelte)$/.test(d.name) && !/\.test\.ts$/.test(d.name) && !`${path}/`.startsWith(ENTITY_DIR) ? [path] : [];
  });
}

const LITERAL = /'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g;
const UNDECLARED_PREFIX = /^[A-Z][A-Z_]{2,}#/;

/** `file:line literal` for every literal in `text` that spells a key. */
function spelledKeys(file: string, text: string, keys: ReturnType<typeof declaredKeys>): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(LITERAL)) {
    const literal = m[1] ?? m[2] ?? m[3] ?? '';
    const spelled = [...keys.prefixes].some((p) => literal.startsWith(p)) || keys.fixed.has(literal) || UNDECLARED_PREFIX.test(literal);
    if (!spelled || ALLOWED.some((a) => a.file === file && literal.startsWith(a.literal))) continue;
    found.push(`${file}:${text.slice(0, m.index).split('\n').length} ${m[0].slice(0, 80)}`);
  }
  return found;
}

describe('key prefixes', () => {
  it('are spelled only in the entity modules (packages/db/src/entities), apart from the listed exceptions', () => {
    const keys = declaredKeys();
    expect(keys.prefixes).toContain('PROJECT#');
    expect(keys.fixed).toContain('DEMO_DATA');
    const files = SOURCE_DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => spelledKeys(file, readFileSync(join(ROOT, file), 'utf8'), keys));
    expect(found).toEqual([]);
  });

  it('would catch a key spelled by hand, declared or not', () => {
    const keys = declaredKeys();
    const hits = spelledKeys(
      'x.ts',
      "const a = `PROJECT#${id}`; const b = 'FXRATES'; const c = `WIDGET#${id}`; const d = 'Project';",
      keys,
    );
    expect(hits.map((h) => h.split(' ')[1])).toEqual(['`PROJECT#${id}`', "'FXRATES'", '`WIDGET#${id}`']);
  });

  it('lists only exceptions that are still needed', () => {
    for (const a of ALLOWED) expect(readFileSync(join(ROOT, a.file), 'utf8'), `${a.file}: ${a.reason}`).toContain(a.literal);
  });
});
