import { seedReceivingAccounts, type Db } from '@mekendesh/db';
import { DEMO_RECEIVING_ACCOUNTS } from '@mekendesh/demo-data';

/**
 * The demo's receiving accounts (KGS and USD bank accounts, a RUB money-transfer company), loaded unless
 * present: a rerun, or an account staff already made active for the same kind and currency, writes nothing.
 */
export async function ensureDemoReceivingAccounts(db: Db): Promise<number> {
  return seedReceivingAccounts(db, DEMO_RECEIVING_ACCOUNTS);
}
