import { describe, expect, it, vi } from 'vitest';
import type { Deps } from './composition.js';
import { createApp } from './app.js';
import { buildApp, type Resource } from './app-core.js';
import { lazyApp, loaderKeyOf, RESOURCE_LOADERS } from './lazy-app.js';

// Ports these tests never reach except health's ping (routes are only registered, never run, apart from /v1/health).
const deps = { accounts: {}, health: { ping: async () => undefined } } as unknown as Deps;

/** `METHOD /path` of every route an app registered, in registration order (its OpenAPI registry). */
function routesOf(app: ReturnType<typeof buildApp>): string[] {
  return app.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [`${d.route.method.toUpperCase()} ${d.route.path}`] : []));
}
const segment = (route: string) => route.split(' ')[1]!.split('/')[1]!;

describe('the lazily loaded resources (lazy-app.ts)', () => {
  it('mount, segment by segment, exactly the routes app.ts mounts, in its order (dev outbox aside: never deployed)', async () => {
    const all = routesOf(createApp(deps)).filter((r) => segment(r) !== 'dev');
    const lazy: string[] = [];
    const bySegment = new Map<string, string[]>();
    for (const [name, load] of Object.entries(RESOURCE_LOADERS)) {
      const routes = routesOf(buildApp(deps, [await load()]));
      // Swagger UI's pages (docs) are plain routes, outside the document.
      if (name !== 'docs') expect(routes.length, name).toBeGreaterThan(0);
      // Every route a loader mounts is one a request reaches it by (a concrete path for each {param}).
      for (const route of routes) expect(loaderKeyOf(`/v1${route.split(' ')[1]!.replace(/\{\w+\}/g, 'x')}`), route).toBe(name);
      const seg = name.split(':')[0]!;
      bySegment.set(seg, [...(bySegment.get(seg) ?? []), ...routes]);
      lazy.push(...routes);
    }
    for (const [seg, routes] of bySegment) expect(routes, seg).toEqual(all.filter((r) => segment(r) === seg));
    expect(lazy.sort()).toEqual([...all].sort());
    expect(all.length).toBeGreaterThanOrEqual(100);
  });

  it('reads the loader key from the path: the first segment, or the part of /v1/projects/{id}/<part>', () => {
    expect(loaderKeyOf('/v1/projects')).toBe('projects');
    expect(loaderKeyOf('/v1/projects/p1')).toBe('projects');
    expect(loaderKeyOf('/v1/projects/p1/submit')).toBe('projects');
    expect(loaderKeyOf('/v1/projects/p1/pledges')).toBe('projects:pledges');
    expect(loaderKeyOf('/v1/projects/p1/reports/r1/correction')).toBe('projects:reports');
    expect(loaderKeyOf('/v1/projects/p1/constructor')).toBe('projects');
    expect(loaderKeyOf('/v1/me/profile')).toBe('me');
    expect(loaderKeyOf('/other')).toBe('');
  });

  it('loads only the requested resource: GET /v1/health loads health alone, once; an unknown segment none', async () => {
    const loaders = Object.fromEntries(Object.entries(RESOURCE_LOADERS).map(([k, load]) => [k, vi.fn(load)]));
    const app = lazyApp(deps, loaders);
    expect((await app.request('/v1/health')).status).toBe(200);
    expect((await app.request('/v1/health')).status).toBe(200);
    expect(loaders.health).toHaveBeenCalledTimes(1);
    for (const [name, load] of Object.entries(loaders)) if (name !== 'health') expect(load, name).not.toHaveBeenCalled();
    const missing = await app.request('/v1/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await app.request('/v1/constructor')).status).toBe(404);
    for (const load of Object.values(loaders)) expect(load.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('authenticates before it validates in a lazily loaded resource as in the whole app (401 on a secured route with a bad body)', async () => {
    const app = lazyApp(deps);
    const res = await app.request('/v1/me/profile', {
      method: 'PUT',
      body: '{"displayName": 5}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect((await app.request('/v1/docs')).status).toBe(200);
  });

  it('serves /v1/openapi.json with every route, as app.ts does', async () => {
    const lazy = await (await lazyApp(deps).request('/v1/openapi.json')).json();
    const whole = await (await createApp(deps).request('/v1/openapi.json')).json();
    expect(lazy).toEqual(whole);
  });

  it('tries a failed loader again on the next request', async () => {
    let calls = 0;
    const flaky = async (): Promise<Resource> => {
      calls += 1;
      if (calls === 1) throw new Error('chunk not found');
      return RESOURCE_LOADERS.health!();
    };
    const app = lazyApp(deps, { health: flaky });
    const failed = await app.request('/v1/health');
    expect(failed.status).toBe(500);
    // As any failure: problem+json with the API's headers, not the front app's bare text.
    expect(failed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await failed.json()) as { status: number }).status).toBe(500);
    expect((await app.request('/v1/health')).status).toBe(200);
    expect(calls).toBe(2);
  });
});
