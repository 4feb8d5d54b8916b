/** The one table `pnpm bench` ends with: a row per figure, with its goal where the project has one. */

export interface SummaryRow {
  section: string;
  figure: string;
  value: string;
  /** The goal as written (e.g. ">= 95"); absent where there is none. */
  goal?: string;
  /** Whether the value meets the goal; absent where there is none. */
  ok?: boolean;
}

/** Formats the rows as an aligned text table; a missed goal is marked "MISSED". */
export function formatSummary(rows: readonly SummaryRow[]): string {
  const width = (pick: (r: SummaryRow) => string, title: string) => Math.max(title.length, ...rows.map((r) => pick(r).length));
  const cols = [
    { title: 'section', pick: (r: SummaryRow) => r.section },
    { title: 'figure', pick: (r: SummaryRow) => r.figure },
    { title: 'value', pick: (r: SummaryRow) => r.value },
    { title: 'goal', pick: (r: SummaryRow) => (r.goal === undefined ? '' : `${r.goal} ${r.ok ? 'met' : 'MISSED'}`) },
  ].map((c) => ({ ...c, width: width(c.pick, c.title) }));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(cols[i]!.width))
      .join('  ')
      .trimEnd();
  const head = line(cols.map((c) => c.title));
  return [head, '-'.repeat(head.length), ...rows.map((r) => line(cols.map((c) => c.pick(r))))].join('\n');
}
