/**
 * How ledger entries add up into the dashboard's cells (entities/stats.ts, DashCell), the one rule for the booking's
 * writes (money-transaction.ts) and for `pnpm ledger:check`'s recount (ledger-check.ts).
 *
 * Each entry adds its fields (DASH_FIELDS, KGS tyiyn) to four scopes of its Bishkek month: `all`, its oblast `o:`,
 * its sector `s:`, both `os:`; within a scope to the total `t` and to each breakdown the scope does not fix:
 * `o.<oblast>`, `s.<sector>`, `c.<country>` (the investor's residence; `XX` unknown, `none` not diaspora money) and
 * `k.<currency>` (the money as it came). An attribute is `<dimension>.<value>.<field>`, e.g. `c.RU.raised`.
 */
import type { Booking, LedgerDeltas, LedgerEntry } from '@mekendesh/domain/money-ports';
import { bishkekDay } from '@mekendesh/domain/bishkek-calendar';

/** The ledger fields the dashboard sums (supporters is a count of people, not money; spent* split `disbursed`). */
export const DASH_FIELDS = ['pledged', 'raised', 'matched', 'refunded', 'released', 'disbursed', 'municipality', 'otherDonors'] as const;
export type DashField = (typeof DASH_FIELDS)[number];

/** The Bishkek month of an instant, 'YYYY-MM'. */
export const bishkekMonth = (at: string): string => bishkekDay(at).slice(0, 7);

/** The four scopes an entry of this oblast and sector counts in. */
export function dashScopes(oblast: string, sector: string): { scope: string; dims: ('o' | 's' | 'c' | 'k')[] }[] {
  return [
    { scope: 'all', dims: ['o', 's', 'c', 'k'] },
    { scope: `o:${oblast}`, dims: ['s', 'c', 'k'] },
    { scope: `s:${sector}`, dims: ['o', 'c', 'k'] },
    { scope: `os:${oblast}:${sector}`, dims: ['c', 'k'] },
  ];
}

/**
 * The corridor an entry counts under: the investor's country (`XX` when not given) for money that came from a pledge
 * (diaspora money and the programme's match of it), else `none`. An entry without a pledge (a disbursement's split,
 * the municipality's or other donors' money, an opening balance) came from no investor, so it never counts as an
 * unknown country (issue 13 review 6: 'Not given' showed 146,363.64 som disbursed and nothing received).
 * ledger:check recounts the cells with this same function.
 */
export function entryCountry(e: Pick<LedgerEntry, 'funder' | 'country' | 'pledgeId'>): string {
  if (!e.pledgeId || (e.funder !== 'diaspora' && e.funder !== 'programme')) return 'none';
  return e.country ?? 'XX';
}

/** The currency an entry's money came in. */
export const entryCurrency = (e: Pick<LedgerEntry, 'original'>): string => e.original?.currency ?? 'KGS';

/** One cell's additions: attribute name -> tyiyn. */
export type CellAdds = Map<string, number>;

/**
 * What one entry adds to each cell, keyed `<scope>|<month>` (without the shard), only non-zero fields.
 * @param sector the project's sector (the entry's own `sector` attribute when recounting).
 */
export function entryCellAdds(
  e: Pick<LedgerEntry, 'at' | 'oblastSoate' | 'funder' | 'country' | 'pledgeId' | 'original'> & { deltas: LedgerDeltas },
  sector: string,
  into = new Map<string, CellAdds>(),
): Map<string, CellAdds> {
  const month = bishkekMonth(e.at);
  const values = { o: e.oblastSoate, s: sector, c: entryCountry(e), k: entryCurrency(e) };
  const fields = DASH_FIELDS.filter((f) => e.deltas[f] !== 0);
  if (!fields.length) return into;
  for (const { scope, dims } of dashScopes(e.oblastSoate, sector)) {
    const key = `${scope}|${month}`;
    const cell = into.get(key) ?? new Map<string, number>();
    for (const f of fields) {
      const add = (name: string) => cell.set(name, (cell.get(name) ?? 0) + e.deltas[f]);
      add(`t.${f}`);
      for (const d of dims) add(`${d}.${values[d]}.${f}`);
    }
    into.set(key, cell);
  }
  return into;
}

/** A booking's additions to the dashboard cells (all its entries share its project's oblast and sector). */
export function bookingCellAdds(b: Pick<Booking, 'entries' | 'project'>): Map<string, CellAdds> {
  const out = new Map<string, CellAdds>();
  for (const e of b.entries) entryCellAdds(e, b.project.sector, out);
  for (const [key, cell] of out) {
    for (const [name, v] of cell) if (v === 0) cell.delete(name);
    if (!cell.size) out.delete(key);
  }
  return out;
}
