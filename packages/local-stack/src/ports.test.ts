import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findTakenPort, takenPortMessage } from './ports.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(host: string): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    servers.push(s);
    s.listen({ port: 0, host }, () => resolve((s.address() as { port: number }).port));
  });
}

async function freePort(): Promise<number> {
  const port = await listen('127.0.0.1');
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

describe('findTakenPort', () => {
  it('finds a port taken on loopback and names its part', async () => {
    const free = await freePort();
    const taken = await listen('127.0.0.1');
    const found = await findTakenPort([
      { port: free, part: 'the API' },
      { port: taken, part: 'DynamoDB Local' },
    ]);
    expect(found).toEqual({ port: taken, part: 'DynamoDB Local' });
    expect(takenPortMessage(found!)).toBe(
      `port ${taken} (for DynamoDB Local) is already in use by another program: stop it ` +
        `(\`lsof -i :${taken}\` or \`ss -ltnp 'sport = :${taken}'\` shows which), then run pnpm dev again`,
    );
  });

  it('finds a port taken on all interfaces', async () => {
    const taken = await listen('0.0.0.0');
    expect(await findTakenPort([{ port: taken, part: 's3rver' }])).toEqual({ port: taken, part: 's3rver' });
  });

  it('answers undefined when every port is free', async () => {
    const a = await freePort();
    expect(await findTakenPort([{ port: a, part: 'the web app' }])).toBeUndefined();
  });
});
