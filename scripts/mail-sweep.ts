/**
 * `pnpm jobs:mail-sweep`: the stuck-`sending` sweep run by hand on the local table: claims older than the lease (a
 * sender died between claim and send) are given back and, as there is no stream locally, sent here into the dev outbox.
 */
import { DynamoOutbox } from '@mekendesh/db';
import { sweepMail } from '@mekendesh/jobs/mail-sweep';
import { ulid } from 'ulid';
import { localJobDb } from './local-jobs.js';

const db = localJobDb();
console.log(await sweepMail(db, { now: () => new Date() }, { mailer: new DynamoOutbox(db, ulid) }));
