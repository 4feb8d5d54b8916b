import { describe, expect, it } from 'vitest';
import { TABLE } from '../table.js';
import { ENTITIES, INDEX_NAMES, shapePattern, type KeySpace } from './index.js';

type Declared = { entity: string; space: KeySpace; pk: string; sk: string; shape: readonly [string, string] };

/** Every (entity, key space) pair with its example key and declared shape. */
function declared(): Declared[] {
  return ENTITIES.flatMap((e) => {
    const ex = e.spec.example as never;
    const table: Declared = { entity: e.name, space: 'table', pk: e.spec.table.pk(ex), sk: e.spec.table.sk(ex), shape: e.spec.table.shape };
    const indexes = Object.entries(e.spec.indexes ?? {}).map(([space, def]) => ({
      entity: e.name,
      space: space as KeySpace,
      pk: def.pk(ex)!,
      sk: def.sk(ex)!,
      shape: def.shape,
    }));
    return [table, ...indexes];
  });
}

describe('entity declarations', () => {
  it('have unique names, and every key they build has the shape they declare', () => {
    expect(new Set(ENTITIES.map((e) => e.name)).size).toBe(ENTITIES.length);
    for (const d of declared()) {
      expect(d.pk, `${d.entity} ${d.space} pk`).toMatch(shapePattern(d.shape[0]));
      expect(d.sk, `${d.entity} ${d.space} sk`).toMatch(shapePattern(d.shape[1]));
    }
  });

  it('cannot collide: no entity key in a key space matches another entity shape there', () => {
    const all = declared();
    for (const a of all) {
      for (const b of all.filter((x) => x.space === a.space && x.entity !== a.entity)) {
        const both = shapePattern(b.shape[0]).test(a.pk) && shapePattern(b.shape[1]).test(a.sk);
        expect(both, `${a.entity} (${a.pk} / ${a.sk}) fits ${b.entity}'s ${a.space} shape ${b.shape.join(' / ')}`).toBe(false);
      }
    }
  });

  it('derive the table: one index per declared index name, naming the entities in it, as the comment in table.ts says', async () => {
    const used = INDEX_NAMES.filter((n) => ENTITIES.some((e) => e.spec.indexes?.[n]));
    expect(TABLE.indexes.map((i) => [i.name, i.partitionKey, i.sortKey])).toEqual(used.map((n) => [n, `${n}pk`, `${n}sk`]));
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../table.ts', import.meta.url), 'utf8');
    for (const index of TABLE.indexes) {
      const line = source.split('\n').find((l) => l.startsWith(` * - ${index.name}:`)) ?? '';
      const named = [...line.matchAll(/([A-Z][A-Za-z]+) \(/g)].map((m) => m[1]);
      expect(named.sort(), `table.ts comment for ${index.name}`).toEqual([...index.entities].sort());
    }
  });
});
