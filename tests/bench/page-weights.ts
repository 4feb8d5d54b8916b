/**
 * The weight of each public page: the script and style resources its HTML references (external `<script src>`,
 * `<link rel="modulepreload">`, inline `<script>` bodies, `<link rel="stylesheet">`), each fetched from the
 * running web app and gzipped here (zlib default level, as a CDN would send it). Public pages render with
 * `csr = false`, so the script figure is what they reference, 0 today; a page that opted back into client
 * rendering would show its chunks here.
 */
import { gzipSync } from 'node:zlib';

/** The resources one HTML document references, as URLs relative to the page, and the inline script bodies. */
export interface PageReferences {
  scripts: string[];
  inlineScripts: string[];
  styles: string[];
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/**
 * The scripts (external and modulepreload, each once), inline script bodies (JSON data blocks excluded: they do
 * not run) and stylesheets an HTML document references. A small tag scanner, not a full parser: it reads
 * what SvelteKit and adapter-node write.
 */
export function pageReferences(html: string): PageReferences {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const inlineScripts: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = `<script ${m[1]}>`;
    const src = attr(tag, 'src');
    const type = attr(tag, 'type')?.toLowerCase();
    if (src) scripts.add(src);
    else if (!type || type === 'module' || type.includes('javascript')) inlineScripts.push(m[2]!);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) scripts.add(href);
    if (rel.includes('stylesheet')) styles.add(href);
  }
  return { scripts: [...scripts], inlineScripts, styles: [...styles] };
}

/** One page's weight in bytes: gzipped script (files + inline) and style, with the number of script files. */
export interface PageWeight {
  path: string;
  status: number;
  scriptFiles: number;
  scriptGz: number;
  inlineScriptGz: number;
  styleGz: number;
}

const gz = (bytes: Uint8Array | string) => (bytes.length === 0 ? 0 : gzipSync(bytes).length);

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Fetches each page at `webUrl` + path (following redirects, as a reader would land) and weighs what its HTML
 * references; each resource is fetched once however many pages share it. `headers` (a session cookie) open pages
 * behind sign-in, such as the staff dashboard.
 */
export async function pageWeights(webUrl: string, paths: readonly string[], headers: Record<string, string> = {}): Promise<PageWeight[]> {
  const sizes = new Map<string, Promise<number>>();
  const weigh = (url: URL) => {
    if (!sizes.has(url.href)) sizes.set(url.href, fetchBytes(url).then(gz));
    return sizes.get(url.href)!;
  };
  const weights: PageWeight[] = [];
  for (const path of paths) {
    const res = await fetch(`${webUrl}${path}`, { headers });
    const html = await res.text();
    const refs = pageReferences(html);
    const sum = async (urls: string[]) => (await Promise.all(urls.map((u) => weigh(new URL(u, res.url))))).reduce((a, b) => a + b, 0);
    weights.push({
      path,
      status: res.status,
      scriptFiles: refs.scripts.length,
      scriptGz: await sum(refs.scripts),
      inlineScriptGz: gz(refs.inlineScripts.join('\n')),
      styleGz: await sum(refs.styles),
    });
  }
  return weights;
}
