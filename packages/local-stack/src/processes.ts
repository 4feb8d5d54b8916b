import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Child {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Spawns a long-running child in its own process group, prefixing its output, so that stop() ends it
 * and everything it started (pnpm -> vite, java), and a crash of ours still kills it on exit.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean; stdoutFd?: number } = {},
): Child {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  if (!options.quiet) {
    child.stdout?.on('data', (d: Buffer) => process.stdout.write(prefix(d)));
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  return {
    name,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', onExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        killGroup('SIGTERM');
        setTimeout(() => killGroup('SIGKILL'), 4000).unref();
      }),
  };
}

/** Polls a URL until it answers (any HTTP status), or fails after the timeout. */
export async function waitForHttp(url: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process serving it exited with code ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
