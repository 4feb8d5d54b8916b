/**
 * `pnpm rates:load <daily.xml|weekly.xml> [...]`: stores National Bank rate feeds (as downloaded from
 * www.nbkr.kg/XML/daily.xml) in the table. A malformed file is refused with the reason, and the rates
 * already stored stay as they were.
 */
import { readFileSync } from 'node:fs';
import { loadRatesFile } from '@mekendesh/jobs/rates';
import { moneyDb } from './money-env.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: pnpm rates:load <file.xml> [...]');
  process.exit(2);
}
const db = moneyDb();
for (const file of files) {
  const out = await loadRatesFile(db, new Uint8Array(readFileSync(file)));
  if (out.ok) console.log(`✔ ${file}: ${out.currencies} rates for ${out.date}`);
  else {
    console.error(`✖ ${file}: ${out.error}; the stored rates are unchanged`);
    process.exitCode = 1;
  }
}
