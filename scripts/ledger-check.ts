/**
 * `pnpm ledger:check`: recomputes every running total (projects with their available money, oblasts, programmes, pledges, club
 * pledges, platform, the dashboard cells) from the ledger entries, and the pipeline cells from the projects,
 * and prints each difference; exits 1 if there is one. Offline: it reads the whole table.
 * TABLE_NAME and DYNAMODB_ENDPOINT choose the table (the local stack's by default; DYNAMODB_ENDPOINT=aws for the cloud).
 */
import { checkLedger } from '@mekendesh/db';
import { moneyDb } from './money-env.js';

const db = moneyDb();
const started = performance.now();
const differences = await checkLedger(db);
const took = ((performance.now() - started) / 1000).toFixed(1);
if (differences.length === 0) {
  console.log(`✔ ledger of "${db.tableName}" balances: every total equals the sum of its entries (${took} s)`);
} else {
  console.log(`✖ ${differences.length} total(s) differ from the ledger in "${db.tableName}":`);
  console.table(differences);
  process.exitCode = 1;
}
