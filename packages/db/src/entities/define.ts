/**
 * A small entity declaration in the manner of ElectroDB's `new Entity({ model, attributes, indexes })`:
 * each stored item type says once how its key attributes and index attributes are built, and what they
 * look like (`shape`, for docs/storage.md and the collision test). No dependencies: infra imports the
 * table definition derived from these (table.ts) without the AWS SDK.
 */

/** The table's key spaces: the table itself and its global secondary indexes. */
export type KeySpace = 'table' | 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4';
export type IndexName = Exclude<KeySpace, 'table'>;
export const INDEX_NAMES: readonly IndexName[] = ['gsi1', 'gsi2', 'gsi3', 'gsi4'];

/**
 * How one key space's two attributes are built. `shape` shows the strings: literals as written, `<name>`
 * one segment without `#`, `<name*>` anything, `<name:n>` digits, `<NAME:A>` capital letters.
 * `pk`/`sk` answer undefined when the item is not in this index (a sparse index).
 */
export interface KeyDef<A> {
  pk: (a: A) => string | undefined;
  sk: (a: A) => string | undefined;
  shape: readonly [string, string];
  /** What reading this key space gives (for the docs), e.g. "an investor's pledges, newest first". */
  purpose?: string;
}

/** The table's own key: every item has one. */
export interface TableKeyDef<K> extends KeyDef<K> {
  pk: (a: K) => string;
  sk: (a: K) => string;
}

export interface EntitySpec<K, I> {
  /** The `entity` attribute stored on every item (unless `untagged`). */
  name: string;
  /** Items carry no `entity` attribute: many small index items, kept short. */
  untagged?: boolean;
  table: TableKeyDef<K>;
  indexes?: Partial<Record<IndexName, KeyDef<I>>>;
  /** An input that builds every key (tests check it against the shapes). */
  example: K & I;
}

export const STORAGE_ATTRIBUTES: ReadonlySet<string> = new Set(['pk', 'sk', 'entity', ...INDEX_NAMES.flatMap((n) => [`${n}pk`, `${n}sk`])]);

export interface Entity<K, I> {
  readonly name: string;
  readonly spec: EntitySpec<K, I>;
  /** The item's primary key, e.g. for GetItem, Update, Delete. */
  key(k: K): { pk: string; sk: string };
  /** The partition value alone (Query on the table). */
  pk(k: K): string;
  /** The attributes of every index the item appears in (omitted where a sparse index leaves it out). */
  indexKeys(i: I): Record<string, string>;
  /**
   * The item to Put: keys, index keys, `entity`, then `attrs` (the keys' input when not given).
   * @example project.item(p) // { pk: 'PROJECT#p1', sk: 'PROJECT', gsi1pk: 'STATUS#published', ..., entity: 'Project', ...p }
   */
  item<T extends object>(k: K & I, attrs?: T): Record<string, unknown>;
}

/** Declares an entity; see EntitySpec. */
export function defineEntity<K, I = K>(spec: EntitySpec<K, I>): Entity<K, I> {
  const key = (k: K) => ({ pk: spec.table.pk(k), sk: spec.table.sk(k) });
  const indexKeys = (i: I) => {
    const out: Record<string, string> = {};
    for (const [name, def] of Object.entries(spec.indexes ?? {}) as [IndexName, KeyDef<I>][]) {
      const pk = def.pk(i);
      const sk = def.sk(i);
      if (pk !== undefined && sk !== undefined) Object.assign(out, { [`${name}pk`]: pk, [`${name}sk`]: sk });
    }
    return out;
  };
  return {
    name: spec.name,
    spec,
    key,
    pk: (k) => spec.table.pk(k),
    indexKeys,
    item: (k, attrs) => ({ ...key(k), ...indexKeys(k), ...(spec.untagged ? {} : { entity: spec.name }), ...(attrs ?? k) }),
  };
}

/** An item without its storage attributes (keys, index keys, `entity`). */
export function stripKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE_ATTRIBUTES.has(k))) as T;
}

/** The regular expression a shape stands for (see KeyDef.shape). */
export function shapePattern(shape: string): RegExp {
  const parts = shape.split(/(<[^>]+>)/).map((part) => {
    if (!part.startsWith('<')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (part.endsWith('*>')) return '.+';
    if (part.endsWith(':n>')) return '\\d+';
    if (part.endsWith(':A>')) return '[A-Z]+';
    return '[^#]+';
  });
  return new RegExp(`^${parts.join('')}$`);
}
