import { describe, expect, it } from 'vitest';
import { pageReferences } from './page-weights.js';

describe('pageReferences', () => {
  it('counts external and modulepreload scripts once each, inline scripts that run, and stylesheets', () => {
    const html = `<!doctype html><html><head>
      <link rel="modulepreload" href="/_app/immutable/entry/start.B1.js">
      <link href='/_app/immutable/chunks/a.C2.js' rel='modulepreload'>
      <link rel="stylesheet" href="/_app/immutable/assets/_layout.css">
      <link rel="icon" href="/favicon.svg">
      <script type="module" src="/_app/immutable/entry/start.B1.js"></script>
      <script>window.__x = 1;</script>
      <script type="application/json" data-sveltekit-fetched>{"big":"data"}</script>
      <script type="application/ld+json">{"@type":"Project"}</script>
      </head><body></body></html>`;
    expect(pageReferences(html)).toEqual({
      scripts: ['/_app/immutable/entry/start.B1.js', '/_app/immutable/chunks/a.C2.js'],
      inlineScripts: ['window.__x = 1;'],
      styles: ['/_app/immutable/assets/_layout.css'],
    });
  });

  it('finds nothing to load on a page rendered with csr off', () => {
    const html =
      '<html><head><link rel="alternate" hreflang="ky" href="/ky"><style>body{}</style></head><body><a href="/x.js">x</a></body></html>';
    expect(pageReferences(html)).toEqual({ scripts: [], inlineScripts: [], styles: [] });
  });
});
