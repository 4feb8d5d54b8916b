/** Structured JSON logs, one object per line (CloudWatch and local terminals read them alike). */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = ORDER[(process.env.LOG_LEVEL as Level | undefined) ?? 'info'] ?? ORDER.info;

/** Where lines go instead of stdout/stderr: Powertools' logger in Lambda (functions/api/src/lambda.ts sets it). */
let sink: ((level: Level, message: string, fields: Record<string, unknown>) => void) | undefined;

/** Sends every later line to `next` (which applies its own LOG_LEVEL); the local JSON lines stay the default. */
export function useLogSink(next: typeof sink): void {
  sink = next;
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (sink) return sink(level, message, fields);
  if (ORDER[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}
