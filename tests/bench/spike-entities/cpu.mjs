/**
 * What each variant costs in CPU per booking, without a database: building the TransactWriteItems input
 * (keys, conditions, update expression, validation) N times, interleaved in chunks; microseconds per booking.
 * Steadier than ops/s against DynamoDB Local on a shared machine, where the emulator dominates.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SPIKE = process.env.SPIKE ?? '/tmp/spike';
const N = Number(process.env.N ?? 20_000);
const names = ['raw', 'electrodb', 'toolbox'];
const shared = await import(pathToFileURL(join(SPIKE, 'src', 'shared.mjs')).href);
const v = {};
for (const n of names)
  v[n] = (await import(pathToFileURL(join(SPIKE, 'out', `${n}.mjs`)).href)).createVariant({
    endpoint: 'http://127.0.0.1:9',
    tableName: 't',
  });
const bookings = Array.from({ length: 1000 }, (_, i) => shared.bookingOf(shared.makePledge(i, `p-${i % 20}`, 'cpu'), i % 4 !== 3));
// Same input, same shape of output: a sanity check that the variants build equivalent requests.
for (const n of names) if (v[n].params(bookings[3]).TransactItems.length !== 4) throw new Error(n);
const spent = Object.fromEntries(names.map((n) => [n, 0]));
for (let round = 0; round < N / 1000 + 2; round++) {
  for (const n of names) {
    const t = process.hrtime.bigint();
    for (const b of bookings) v[n].params(b);
    if (round >= 2) spent[n] += Number(process.hrtime.bigint() - t); // first two rounds warm the JIT
  }
}
console.log(`building the booking's TransactWriteItems input, ${N} times (µs per booking):`);
for (const n of names) console.log(`  ${n.padEnd(10)} ${(spent[n] / N / 1000).toFixed(1)} µs  ${(spent[n] / spent.raw).toFixed(1)}x raw`);
