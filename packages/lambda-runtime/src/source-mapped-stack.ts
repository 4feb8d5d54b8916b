import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Each bundle file's source map (`<file>.map`, written beside it by functions/api/bundle.mjs), read on the first stack
 * that names the file; null when it has none.
 */
const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

/** A stack frame's location in a bundle file: `file:///var/task/index.mjs:1:2345` or `/var/task/chunks/x.mjs:1:99`. */
const LOCATION = /(file:\/\/\/[^\s()]+?\.m?js|\/[^\s():]+?\.m?js):(\d+):(\d+)/g;

/**
 * `stack` with each location in a bundled file replaced by the TypeScript source, line and column its source map
 * names (`functions/api/src/routes/projects.ts:42:11`, the path as the repository has it); a location without a map
 * or mapping stays as it was. Why not `--enable-source-maps`: Node then reads every map as each module loads, on every
 * cold start (10-40 ms for the API), and `process.setSourceMapsEnabled(true)` at the moment of an error does not map
 * modules loaded before it (measured on Node 22), so the maps are read here, only when a stack is logged.
 * @example sourceMappedStack('Error: x\n    at f (file:///var/task/index.mjs:1:20)') // 'Error: x\n    at f (functions/api/src/a.ts:2:9)'
 */
function sourceMappedStack(stack: string): string {
  return stack.replace(LOCATION, (whole, location: string, line: string, column: string) => {
    const file = location.startsWith('file:') ? fileURLToPath(location) : location;
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return whole;
    // esbuild names sources relative to the output directory (../../functions/...): the repository path is what a reader needs.
    const source = entry.originalSource.replace(/^file:\/\//, '').replace(/^(\.\.\/)+/, '');
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

/**
 * `fields` of a log line with every stack in it source-mapped: a `stack` string, and each Error value (as
 * `{ name, message, stack }`, which is how the log shows it). Other fields pass unchanged; no stack, no work.
 */
export function withSourceMappedStacks(fields: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    let mapped: unknown;
    if (key === 'stack' && typeof value === 'string') mapped = sourceMappedStack(value);
    else if (value instanceof Error && value.stack)
      mapped = { name: value.name, message: value.message, stack: sourceMappedStack(value.stack) };
    else continue;
    out ??= { ...fields };
    out[key] = mapped;
  }
  return out ?? fields;
}
