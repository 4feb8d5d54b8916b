import { connect, createServer } from 'node:net';

/** A loopback port the local stack needs, and the part that would listen on it. */
export interface NeededPort {
  port: number;
  /** What listens there, in words: "DynamoDB Local". */
  part: string;
}

/** Answers whether something already accepts connections on 127.0.0.1:port (within 500 ms). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Answers whether this process could listen on host:port right now (then lets it go again). */
function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Finds the first port of `ports` that is taken: something answers on 127.0.0.1, or the port cannot be
 * bound on all interfaces (IPv4 or IPv6). Checked before anything starts, so that `pnpm dev` never attaches
 * to a database (or anything else) that it did not start itself.
 * @returns the taken port with its part, or undefined when all are free.
 */
export async function findTakenPort(ports: readonly NeededPort[]): Promise<NeededPort | undefined> {
  for (const needed of ports) {
    if (await answers(needed.port)) return needed;
    if (!(await canListen(needed.port, '0.0.0.0')) || !(await canListen(needed.port, '::'))) return needed;
  }
  return undefined;
}

/** The one line `pnpm dev` prints when a port it needs is taken. */
export function takenPortMessage(taken: NeededPort): string {
  return (
    `port ${taken.port} (for ${taken.part}) is already in use by another program: stop it ` +
    `(\`lsof -i :${taken.port}\` or \`ss -ltnp 'sport = :${taken.port}'\` shows which), then run pnpm dev again`
  );
}
