/**
 * Property-based fuzzing (fast-check) of every mutating route, generated from the app's own OpenAPI document
 * (issue 9, "Hardening: the faults found by attacking Mekendesh").
 *
 * For every POST/PUT/PATCH/DELETE operation in `/v1/openapi.json` it sends requests built from the document:
 * adversarial JSON (deep nesting, strings up to ~100 KB, wrong types, unknown and prototype-pollution keys, 1e308,
 * -0, 2^53+1, lone surrogates, NFD, zero-width, bidi, emoji), raw bytes (malformed JSON, invalid UTF-8, UTF-16, a
 * byte-order mark), schema-derived bodies with exactly one field broken, right, wrong or missing Content-Type,
 * random and tampered path ids, cursors and headers, as an anonymous caller, with forged tokens and as each role
 * (investor, officer of an approved organisation, staff, admin).
 *
 * Every answer must be a 4xx application/problem+json with the security headers (401 for a caller who is not
 * signed in and 403 for a role the route's declared security refuses, whatever the input), never a 5xx; and
 * nothing may be written: a digest of the whole table and of the media bucket is the same before and after.
 *
 * So that "nothing written" holds, no request is legitimately valid: before sending, the route's own zod schemas
 * (the ones that generate the document) say whether the request could pass validation; such a request is sent
 * only where it cannot change anything (an id that does not exist, a caller the route refuses) and is otherwise
 * skipped (fc.pre). DELETE /v1/me has no input to break: as a signed-in caller it is always valid, so it is fuzzed
 * as anonymous and with forged tokens only (its refusals are in authorization-matrix.test.ts).
 *
 * Replay: the seed is printed; FUZZ_SEED=<seed> reruns the same requests, FUZZ_ROUTE=<substring> narrows to
 * routes, FUZZ_RUNS=<n> changes the requests per route.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CreateBucketCommand, DeleteBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { seedDemoRates, seedProjects } from '@mekendesh/db';
import { bishkekDay } from '@mekendesh/domain';
import { StripePayments } from '@mekendesh/payments';
import { authStack, newConfirmedInvestor, newUserInGroup, post, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { startFakeStripe, type FakeStripe } from '../fixtures/fake-stripe.js';
import { makeProject } from '../fixtures/projects.js';
import { approvedOfficer, draftBody, send } from '../fixtures/proposals.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_901);
const ROUTE_FILTER = process.env.FUZZ_ROUTE ?? '';
/** Requests per route (31 mutating routes today: 31 × 72 ≈ 2,200 requests). */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 72);
const MIN_REQUESTS = 2_000;

/**
 * Faults this suite finds that other engineers are fixing now (issue 9: money maximums, text lengths, body limits,
 * malformed bodies and 415, abuse limits, CSRF). A request an entry matches is not sent (so a fault that writes
 * cannot spoil the digest); remove the entry when its fix lands, and the suite then holds the route to the rule.
 */
const KNOWN_FAULTS: { fault: string; matches(r: FuzzRequest): boolean }[] = [];

// ---------------------------------------------------------------------------------------------------------------
// The OpenAPI document and the route's own schemas

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** What this file needs of a route's zod schema. */
interface ZodType {
  safeParse(value: unknown): { success: boolean };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Schema>>;
  components: { schemas: Record<string, Schema> };
}
interface Operation {
  method: string;
  /** As in the document: /v1/projects/{id}. */
  path: string;
  route: string;
  pathParams: string[];
  query: Schema[];
  headers: Schema[];
  body?: { schema: Schema; required: boolean };
  security?: Record<string, string[]>[];
  refusedRoles: string[];
  /** The zod schemas the route validates with (from the registry behind the document). */
  zod: { params?: ZodType; query?: ZodType; headers?: ZodType; body?: ZodType };
}

let doc: OpenApiDoc;
const deref = (s: Schema | undefined): Schema => {
  let out = s ?? {};
  for (let i = 0; i < 10 && typeof out.$ref === 'string'; i++) out = doc.components.schemas[out.$ref.split('/').pop()!] ?? {};
  return out;
};

function operations(app: AuthStack['app']): Operation[] {
  type RegisteredRoute = {
    method: string;
    path: string;
    request?: { params?: ZodType; query?: ZodType; headers?: ZodType; body?: { content: Record<string, { schema: ZodType }> } };
  };
  const registered = new Map<string, RegisteredRoute>();
  for (const d of app.openAPIRegistry.definitions as { type: string; route?: RegisteredRoute }[]) {
    if (d.type === 'route' && d.route) registered.set(`${d.route.method.toUpperCase()} /v1${d.route.path}`, d.route);
  }
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const reg = registered.get(route);
      const params = (op.parameters ?? []) as Schema[];
      const json = op.requestBody?.content?.['application/json'];
      ops.push({
        method: method.toUpperCase(),
        path,
        route,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name as string),
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        ...(json ? { body: { schema: json.schema, required: op.requestBody.required === true } } : {}),
        ...(op.security ? { security: op.security } : {}),
        refusedRoles: op['x-refused-roles'] ?? [],
        zod: {
          ...(reg?.request?.params ? { params: reg.request.params } : {}),
          ...(reg?.request?.query ? { query: reg.request.query } : {}),
          ...(reg?.request?.headers ? { headers: reg.request.headers } : {}),
          ...(reg?.request?.body?.content['application/json'] ? { body: reg.request.body.content['application/json'].schema } : {}),
        },
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------------------------
// Adversarial values

/** An object with exactly these own keys, `__proto__` included (an object literal would set the prototype instead). */
function own(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
const withKey = (base: unknown, key: string, value: unknown) => own([...Object.entries(base as object), [key, value]]);
const withoutKey = (base: unknown, key: string) => own(Object.entries(base as object).filter(([k]) => k !== key));

const UNITS = ['a', 'ж', 'Ө', '😀', '\u200B', 'e\u0301', '\u202E', '\uD800', '🇰🇬', '<', '\u0000', ' '];
const WEIRD_STRINGS = [
  '',
  ' ',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  'e\u0301',
  'Ө'.normalize('NFD'),
  'Ёлка'.normalize('NFD'),
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u202Eevil',
  '\u2066x\u2069',
  '👨‍👩‍👧‍👦',
  '🇰🇬',
  '\u0000',
  '\r\n',
  '\t',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9007199254740993',
  'null',
  'true',
  '[]',
  '{}',
  'ﷺ',
  'Бишкек',
  'Ош шаары',
  'A'.repeat(300),
  '2026-02-30',
  'USER#x',
  'PRJ#x',
];
const hugeString = fc
  .tuple(fc.constantFrom(...UNITS), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([u, n]) => u.repeat(Math.ceil(n / u.length)));
const jsonString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WEIRD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);
const jsonNumber = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    -0,
    2 ** 53 + 1,
    -(2 ** 53 + 1),
    5e-324,
    0.1,
    1.5,
    -1,
    0,
    Number.MAX_SAFE_INTEGER,
    2 ** 32,
    999_999_999_999,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  '\u200Bemail',
  'e\u0301mail',
  'id',
  'pk',
  'sk',
  'version',
  'status',
  'role',
  'roles',
  'amount',
  'currency',
  'organisationId',
];
const jsonKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const { json: adversarialJson } = fc.letrec<{ json: unknown; arr: unknown[]; obj: Record<string, unknown> }>((tie) => ({
  json: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), jsonNumber, jsonString, tie('arr'), tie('obj')),
  arr: fc.array(tie('json'), { maxLength: 5 }),
  obj: fc.array(fc.tuple(jsonKey, tie('json')), { maxLength: 6 }).map(own),
}));

const enc = new TextEncoder();
const utf16le = (s: string) => {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    b[2 * i] = s.charCodeAt(i) & 0xff;
    b[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return b;
};
/** Bodies that are not (quite) JSON, as bytes. */
const rawBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      '',
      ' ',
      'null',
      '{',
      '{"a":',
      '[1,]',
      '{"a":1}garbage',
      'NaN',
      '-0',
      '1e309',
      '{"amount":1e400}',
      "{'a':1}",
      '\u0000',
      '{"a":1,"a":2}',
      '{"__proto__":{"isAdmin":true,"roles":["admin"]}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '"\\ud800"',
      '{"x":"\\u0000"}',
      '[]',
      '0',
      'true',
      '""',
    )
    .map((s) => enc.encode(s)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => enc.encode(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.integer({ min: 100, max: 5_000 }).map((n) => enc.encode(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => enc.encode('['.repeat(n))),
  fc.constantFrom(
    new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
    new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    new Uint8Array([0x80, 0x81]),
  ),
  adversarialJson.map((v) => utf16le(JSON.stringify(v))),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => enc.encode(s)),
);

// ---------------------------------------------------------------------------------------------------------------
// Schema-derived bodies: valid in shape, with one field broken

function validFor(s0: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(s0);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validFor(a, depth + 1)));
  if (s.allOf) return validFor(merged(s.allOf as Schema[]), depth);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      const required = ((s.required ?? []) as string[]).filter((k) => props.some(([p]) => p === k));
      if (depth > 6) return fc.constant({});
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, validFor(v, depth + 1)])), { requiredKeys: required });
    }
    case 'array': {
      const min = s.minItems ?? 0;
      return fc.array(validFor(s.items ?? {}, depth + 1), { minLength: min, maxLength: Math.min(s.maxItems ?? min + 2, min + 2) });
    }
    case 'string':
      return validString(s);
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : min + 1_000_000);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
    }
    case 'number':
      return fc.double({ min: s.minimum ?? s.exclusiveMinimum ?? 0, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return adversarialJson;
  }
}

function merged(parts: Schema[]): Schema {
  const all = parts.map(deref);
  return {
    type: 'object',
    properties: Object.assign({}, ...all.map((p) => p.properties ?? {})),
    required: all.flatMap((p) => p.required ?? []),
    ...(all.some((p) => p.additionalProperties === false) ? { additionalProperties: false } : {}),
  };
}

function validString(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? min + 20, min + 20);
  if (s.format === 'date')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.constantFrom('fuzz@example.kg', 'a.b@test.mekendesh.kg');
  if (s.format === 'uri') return fc.constant('https://example.kg/x');
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
    } catch {
      /* a pattern fast-check cannot generate from: plain strings below */
    }
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

/** Values of a JSON type the schema does not take. */
function wrongType(s: Schema): fc.Arbitrary<unknown> {
  const types = new Set<string>(Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
  if (types.has('integer')) types.add('number');
  const candidates: [string, unknown][] = [
    ['string', '1'],
    ['string', 'NaN'],
    ['string', '1e308'],
    ['string', ''],
    ['string', '\uD800'],
    ['number', 1.5],
    ['number', 1e308],
    ['number', -0],
    ['number', 2 ** 53 + 1],
    ['boolean', true],
    ['null', null],
    ['array', []],
    ['array', [1]],
    ['object', {}],
    ['object', own([['__proto__', { admin: true }]])],
  ];
  const wrong = candidates.filter(([t]) => !types.has(t)).map(([, v]) => v);
  return fc.constantFrom(...(wrong.length ? wrong : [Symbol.for('unsendable')]));
}

/** A value for this schema with exactly one thing wrong (a type, a length, a bound, a format, a key). */
function brokenFor(s0: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(s0);
  const options: fc.Arbitrary<unknown>[] = [wrongType(s)];
  if (Array.isArray(s.enum)) options.push(fc.constantFrom('DONATION', 'donation ', 'Ԁonation', 'other', '', '__proto__', '\u200B'));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  if ((s.allOf || type === 'object') && depth <= 6) {
    const o = s.allOf ? merged(s.allOf as Schema[]) : s;
    const props = Object.entries((o.properties ?? {}) as Record<string, Schema>);
    const required = ((o.required ?? []) as string[]).filter((k) => props.some(([p]) => p === k));
    const valid = validFor(o, depth);
    if (required.length) options.push(fc.tuple(valid, fc.constantFrom(...required)).map(([v, k]) => withoutKey(v, k)));
    if (o.additionalProperties === false)
      options.push(
        fc
          .tuple(
            valid,
            jsonKey.filter((k) => !props.some(([p]) => p === k)),
            adversarialJson,
          )
          .map(([v, k, x]) => withKey(v, k, x)),
      );
    if (props.length) {
      const broken = fc.oneof(...props.map(([k, p]) => brokenFor(p, depth + 1).map((b) => [k, b] as const)));
      options.push(fc.tuple(valid, broken).map(([v, [k, b]]) => withKey(withoutKey(v, k), k, b)));
      options.push(fc.tuple(valid, broken).map(([v, [k, b]]) => withKey(withoutKey(v, k), k, b)));
    }
  }
  if (type === 'array') {
    const min = s.minItems ?? 0;
    const item = validFor(s.items ?? {}, depth + 1);
    if (s.maxItems !== undefined) options.push(fc.array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
    if (min > 0) options.push(fc.constant([]));
    if (s.items)
      options.push(
        fc
          .tuple(fc.array(item, { minLength: Math.max(min, 1) - 1, maxLength: Math.max(min, 1) - 1 }), brokenFor(s.items, depth + 1))
          .map(([a, b]) => [...a, b]),
      );
  }
  if (type === 'string') {
    if (s.maxLength !== undefined) {
      const over = fc.tuple(
        fc.constantFrom(...UNITS),
        fc.integer({ min: s.maxLength + 1, max: Math.max(s.maxLength + 1, Math.min(s.maxLength * 4, 100_001)) }),
      );
      options.push(over.map(([u, n]) => u.repeat(Math.ceil(n / u.length))));
    }
    if ((s.minLength ?? 0) > 0)
      options.push(fc.constantFrom('', 'x'.repeat(s.minLength - 1), ' '.repeat(s.minLength), '\u200B'.repeat(s.minLength)));
    if (typeof s.pattern === 'string') {
      const re = new RegExp(s.pattern);
      options.push(fc.constantFrom(...WEIRD_STRINGS).filter((v) => !re.test(v)));
    }
    if (s.format === 'date')
      options.push(
        fc.constantFrom(
          '2026-02-30',
          '2026-13-01',
          '2026-1-1',
          '20260101',
          '2026-02-28T00:00:00Z',
          ' 2026-01-01',
          '２０２６-01-01',
          '0000-00-00',
          '275760-09-14',
        ),
      );
    if (s.format === 'email')
      options.push(fc.constantFrom('not-an-email', 'a@', '@b.kg', 'a b@c.kg', 'ж@', `${'a'.repeat(300)}@example.kg`, 'a@b.kg\u202E'));
  }
  if (type === 'integer' || type === 'number') {
    const out: unknown[] = [1e308, -1e308, 2 ** 53 + 1];
    if (s.maximum !== undefined) out.push(s.maximum + 1);
    if (s.exclusiveMaximum !== undefined) out.push(s.exclusiveMaximum);
    if (s.minimum !== undefined) out.push(s.minimum - 1);
    if (s.exclusiveMinimum !== undefined) out.push(s.exclusiveMinimum, s.exclusiveMinimum === 0 ? -0 : s.exclusiveMinimum - 1);
    if (type === 'integer') out.push(0.5, 1.0000001, 1e-7);
    options.push(fc.constantFrom(...out));
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

const ACTORS = ['anonymous', 'forged', 'investor', 'officer', 'staff', 'admin'] as const;
type ActorName = (typeof ACTORS)[number];
const ROLES: Record<ActorName, string[]> = {
  anonymous: [],
  forged: [],
  investor: [],
  officer: ['officer'],
  staff: ['staff'],
  admin: ['admin'],
};

interface World {
  tokens: Record<'investor' | 'officer' | 'staff' | 'admin', string>;
  /** Ids of objects that exist, by the kind of path parameter they fit. */
  ids: string[];
  today: string;
}

interface FuzzRequest {
  op: Operation;
  actor: ActorName;
  authorization?: string;
  params: Record<string, string>;
  /** Which path parameters are ids of objects that exist. */
  realParams: string[];
  rawPath: boolean;
  query: [string, string][];
  headers: Record<string, string>;
  contentType?: string;
  body?: Uint8Array;
  kind: string;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/vnd.api+json',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json, text/plain',
  'application/jsonx',
  '*/*',
  '',
] as const;

/** A header value as a client would send it: bytes, so UTF-8 becomes Latin-1 characters; no CR, LF or NUL. */
const headerSafe = (s: string) =>
  Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[\r\n\0]/g, '')
    .slice(0, 8_000);

function tamperedCursor(): fc.Arbitrary<string> {
  const real = fc.constantFrom(
    { pk: 'PROJECT#prj-test-1', sk: 'META' },
    { pk: 'USER#x', sk: 'PROFILE', gsi1pk: 'ADMIN' },
    { id: 1 },
    { __proto__: null },
    [1, 2],
  );
  return fc.oneof(
    real.map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
    fc.tuple(real, fc.nat(40), fc.constantFrom('A', '_', '-', '=', '!', '%', '\u00e9')).map(([v, i, c]) => {
      const b = Buffer.from(JSON.stringify(v)).toString('base64');
      const at = i % Math.max(b.length, 1);
      return `${b.slice(0, at)}${c}${b.slice(at + 1)}`;
    }),
    fc.constantFrom('', '=', '====', 'null', 'e30', 'W10', 'eyJwayI6eyJTIjoiVVNFUiMifX0', 'x'.repeat(5_000), '%', '%00'),
  );
}

function pathIds(world: World): fc.Arbitrary<{ value: string; real: boolean; raw: boolean }> {
  const adversarial = fc
    .oneof(
      fc.constantFrom(
        '',
        ' ',
        '0',
        '-1',
        'null',
        'undefined',
        '__proto__',
        'constructor',
        '..',
        '.',
        '%',
        '%00',
        '%zz',
        '%2F',
        'a/b',
        '*',
        "'",
        'PROJECT#1',
        'ORG#x',
        'USER#',
        '1e308',
        'Ө'.normalize('NFD'),
        '\u200B',
        '\u202Eevil',
        '😀',
        'a'.repeat(64),
        'a'.repeat(65),
        'a'.repeat(5_000),
        'prj-test-1 ',
        'PRJ-TEST-1',
        '2026-02-30',
        '9999-12-31',
      ),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      fc.tuple(fc.constantFrom(...world.ids), fc.nat(), fc.constantFrom('0', 'z', '-', 'Z', 'ж')).map(([id, i, c]) => {
        const at = i % id.length;
        return `${id.slice(0, at)}${c === id[at] ? 'y' : c}${id.slice(at + 1)}`;
      }),
    )
    .filter((v) => !world.ids.includes(v));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(adversarial, fc.boolean())
        .map(([value, raw]) => ({ value, real: false, raw: raw && /^[\x21-\x7e]*$/.test(value) })),
    },
    { weight: 2, arbitrary: fc.constantFrom(...world.ids).map((value) => ({ value, real: true, raw: false })) },
  );
}

function requestsFor(op: Operation, world: World): fc.Arbitrary<FuzzRequest> {
  const bodySchema = op.body?.schema ?? { type: 'object', additionalProperties: false };
  const jsonBody = fc
    .oneof(
      { weight: 6, arbitrary: brokenFor(bodySchema).map((v) => ({ kind: 'schema-broken', value: v })) },
      { weight: 3, arbitrary: adversarialJson.map((v) => ({ kind: 'adversarial-json', value: v })) },
    )
    .filter(({ value }) => value !== Symbol.for('unsendable'))
    .map(({ kind, value }) => ({ kind, bytes: enc.encode(JSON.stringify(value) ?? 'null') }));
  const body = fc.oneof(
    { weight: 8, arbitrary: jsonBody },
    { weight: 3, arbitrary: rawBody.map((bytes) => ({ kind: 'raw-bytes', bytes })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'no-body', bytes: undefined as Uint8Array | undefined }) },
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json' as string | undefined) },
    { weight: 4, arbitrary: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }) },
  );
  const params = fc.tuple(
    ...op.pathParams.map((name) =>
      (name === 'date' ? fc.oneof(fc.constant({ value: world.today, real: true, raw: false }), pathIds(world)) : pathIds(world)).map(
        (id) => [name, id] as const,
      ),
    ),
  );
  const queryValue = fc.oneof(
    fc.constantFrom('1', '0', '-1', '1.5', '1e308', '', 'NaN', '9007199254740993', ' 1', '１', '0x10', 'null'),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  const query = fc
    .tuple(
      fc.tuple(
        ...op.query.map((q) =>
          fc.option(
            queryValue.map((v) => [q.name as string, v] as [string, string]),
            { freq: 5, nil: undefined },
          ),
        ),
      ),
      fc.option(
        tamperedCursor().map((c) => ['cursor', c] as [string, string]),
        { freq: 2, nil: undefined },
      ),
      fc.option(fc.tuple(jsonKey, queryValue), { freq: 4, nil: undefined }),
    )
    .map(([declared, cursor, extra]) => [...declared, cursor, extra].filter((q): q is [string, string] => q !== undefined));
  const headerValue = fc.oneof(
    fc.constantFrom(...WEIRD_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('fuzz-key-00000001', '"1"', 'W/"1"', '1', '*', 't=1,v1=abc', 'x'.repeat(129)),
  );
  const headers = fc
    .record({
      'accept-language': fc.option(fc.constantFrom('ky', 'ru', 'en', 'ky-KG,ru;q=0.9', '*', 'zz', 'x'.repeat(2_000), 'ру'), {
        nil: undefined,
      }),
      extra: fc.array(
        fc.tuple(
          fc.constantFrom(
            ...op.headers.map((h) => h.name as string),
            'x-mekendesh-client-ip',
            'x-mekendesh-proxy-secret',
            'x-forwarded-for',
            'idempotency-key',
            'if-match',
            'stripe-signature',
          ),
          headerValue,
        ),
        { maxLength: 3 },
      ),
    })
    .map(({ extra, ...rest }) => {
      const out: Record<string, string> = {};
      if (rest['accept-language'] !== undefined) out['accept-language'] = headerSafe(rest['accept-language']);
      for (const [k, v] of extra) out[k] = headerSafe(v);
      return out;
    });
  const actor = fc.constantFrom(...ACTORS);
  const forged = fc.oneof(
    fc.constantFrom(
      'Bearer x',
      'Basic Zm9vOmJhcg==',
      'Bearer',
      'bearer ',
      `Bearer ${'a'.repeat(5_000)}`,
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
      'Bearer \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9',
    ),
    // One character of a real token's claims changed: the signed text changes. (Not the signature's last character,
    // whose low bits base64url ignores: that "tampered" token is the same token.)
    fc.tuple(fc.constantFrom(...Object.values(world.tokens)), fc.nat()).map(([t, i]) => {
      const [header, claims, signature] = t.split('.') as [string, string, string];
      const at = i % claims.length;
      return `Bearer ${header}.${claims.slice(0, at)}${claims[at] === 'A' ? 'B' : 'A'}${claims.slice(at + 1)}.${signature}`;
    }),
  );
  return fc.record({ actor, forged, params, query, headers, body, contentType }).map((g) => {
    const p = g.params as readonly (readonly [string, { value: string; real: boolean; raw: boolean }])[];
    const authorization = g.actor === 'anonymous' ? undefined : g.actor === 'forged' ? g.forged : `Bearer ${world.tokens[g.actor]}`;
    return {
      op,
      actor: g.actor,
      ...(authorization ? { authorization } : {}),
      params: Object.fromEntries(p.map(([k, v]) => [k, v.value])),
      realParams: p.filter(([, v]) => v.real).map(([k]) => k),
      rawPath: p.some(([, v]) => v.raw),
      query: g.query,
      headers: g.headers,
      ...(g.contentType !== undefined ? { contentType: g.contentType } : {}),
      ...(g.body.bytes ? { body: g.body.bytes } : {}),
      kind: g.body.kind,
    };
  });
}

function urlOf(r: FuzzRequest): string {
  const path = r.op.path.replace(/{(\w+)}/g, (_, name: string) => (r.rawPath ? r.params[name]! : encodeURIComponent(r.params[name]!)));
  const qs = new URLSearchParams(r.query).toString();
  return qs ? `${path}?${qs}` : path;
}

// ---------------------------------------------------------------------------------------------------------------
// Could the route accept it? (the route's own zod schemas; mirrors @hono/zod-openapi's media-type gate)

const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** 'unauthorized' or 'forbidden' when the route's declared security turns this caller away, whatever the input. */
function refusal(r: FuzzRequest): 'unauthorized' | 'forbidden' | null {
  if (r.actor === 'forged') return 'unauthorized';
  const security = r.op.security;
  if (r.actor === 'anonymous') return security?.length && !security.some((req) => Object.keys(req).length === 0) ? 'unauthorized' : null;
  const roles = new Set(ROLES[r.actor]);
  if (r.op.refusedRoles.some((role) => roles.has(role))) return 'forbidden';
  if (!security?.length) return null;
  return security.some((req) => Object.values(req).every((needed) => needed.every((role) => roles.has(role)))) ? null : 'forbidden';
}

function mayPass(r: FuzzRequest): boolean {
  const { zod } = r.op;
  if (zod.params && !zod.params.safeParse(r.params).success) return false;
  if (zod.query) {
    const all = new URLSearchParams(urlOf(r).split('?')[1] ?? '');
    const query = Object.fromEntries(
      [...new Set(all.keys())].map((k) => {
        const v = all.getAll(k);
        return [k, v.length === 1 ? v[0] : v];
      }),
    );
    if (!zod.query.safeParse(query).success) return false;
  }
  if (zod.headers) {
    const h = new Headers(r.headers);
    if (r.contentType) h.set('content-type', r.contentType);
    if (!zod.headers.safeParse(Object.fromEntries(h)).success) return false;
  }
  if (!zod.body) return true;
  const ct = r.contentType?.trim();
  const hasBody = (r.body?.length ?? 0) > 0;
  if (ct) {
    if (!JSON_REQUEST.test(ct)) return false; // 415
  } else {
    if (hasBody) return false; // 415
    return r.op.body?.required ? zod.body.safeParse({}).success : true;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(r.body ?? new Uint8Array()));
  } catch {
    return false; // 400 malformed JSON
  }
  return zod.body.safeParse(value).success;
}

/** Each route's own seed, so that FUZZ_ROUTE narrows a run without changing the requests it sends. */
const seedOf = (op: Operation) => (SEED ^ createHash('sha256').update(op.route).digest().readInt32BE(0)) | 0;

/** Whether the URL still names the operation: an empty, '.' or '..' segment (the URL drops or folds it) or a raw '/', '?', '#' or '%' leads elsewhere. */
const staysOnRoute = (r: FuzzRequest) => !r.rawPath && Object.values(r.params).every((v) => v !== '' && v !== '.' && v !== '..');

/** Paths where a valid request creates what the path names: even a made-up one is written. */
const CREATES_AT_PATH = new Set(['PUT /v1/rates/{date}']);

/** Whether sending it can change nothing: refused, invalid, or aimed at nothing that exists. */
function harmless(r: FuzzRequest): boolean {
  if (refusal(r)) return true;
  if (!mayPass(r)) return true;
  if (r.op.route === 'DELETE /v1/me') return false;
  const madeUp = r.op.pathParams.some((p) => !r.realParams.includes(p));
  return madeUp && !CREATES_AT_PATH.has(r.op.route);
}

// ---------------------------------------------------------------------------------------------------------------
// Digests

async function tableDigest(s: AuthStack): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await s.db.doc.send(
      new ScanCommand({ TableName: s.db.tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    for (const item of page.Items ?? []) out.set(`${item.pk}|${item.sk}`, createHash('sha256').update(stable(item)).digest('hex'));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
const stable = (v: unknown): string =>
  v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof Set)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : v instanceof Set
      ? `set${stable([...v].sort())}`
      : Array.isArray(v)
        ? `[${v.map(stable).join(',')}]`
        : (JSON.stringify(v) ?? 'undefined');

async function bucketDigest(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of page.Contents ?? []) out.set(o.Key!, `${o.ETag}:${o.Size}`);
    token = page.NextContinuationToken;
  } while (token);
  return out;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((k) => before.get(k) !== after.get(k))
    .map((k) => `${before.has(k) ? (after.has(k) ? 'changed' : 'removed') : 'added'} ${k}`);
}

// ---------------------------------------------------------------------------------------------------------------

let s: AuthStack;
let world: World;
let stripe: FakeStripe;
let s3: S3Client;
const bucket = `fuzz-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  const media = inject('s3');
  s3 = new S3Client({
    endpoint: media.endpoint,
    region: 'local',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  stripe = await startFakeStripe();
  // Cards on, so the Stripe webhook checks signatures (without a gateway it answers 503 by design).
  const cards = new StripePayments({
    secretKey: 'sk_test_fuzz',
    webhookSecret: 'whsec_fuzz',
    host: '127.0.0.1',
    port: stripe.port,
    protocol: 'http',
  });
  s = await authStack({ cards, bucket });
  const today = bishkekDay(new Date());
  await seedDemoRates(s.db, today);

  const [staffEmail, adminEmail, investorEmail] = await Promise.all([
    newUserInGroup('staff'),
    newUserInGroup('admin'),
    newConfirmedInvestor(s.app, 'fuzz-investor'),
  ]);
  const [staff, admin, investor] = await Promise.all([
    signInToken(s.app, staffEmail),
    signInToken(s.app, adminEmail),
    signInToken(s.app, investorEmail),
  ]);
  const officer = await approvedOfficer(s.app, staff, 'fuzz-officer');
  const pending = await post(
    s.app,
    '/organisations',
    {
      name: { en: 'Fuzz pending city' },
      kind: 'city',
      territorySoate: '41703000000000',
      applicantPosition: 'Mayor',
      contactPhone: '+996 700 333 444',
      contactEmail: 'pending@example.kg',
    },
    investor,
  );
  expect(pending.status).toBe(201);
  const draft = await send(s.app, 'POST', '/projects', { token: officer.token, body: draftBody() });
  const submitted = await send(s.app, 'POST', '/projects', { token: officer.token, body: draftBody() });
  expect([draft.status, submitted.status]).toEqual([201, 201]);
  expect((await send(s.app, 'POST', `/projects/${submitted.body.id}/submit`, { token: officer.token })).status).toBe(200);
  const published = makeProject({ organisationId: officer.organisationId, pledgeTypes: ['donation', 'loan', 'equity', 'in_kind'] });
  await seedProjects(s.db, { organisations: [], projects: [published] });
  const pledge = await send(s.app, 'POST', `/projects/${published.id}/pledges`, {
    token: investor,
    headers: { 'idempotency-key': `fuzz-${randomUUID()}` },
    body: { type: 'donation', amount: { amount: 100_000, currency: 'KGS' }, channel: 'bank_transfer', display: 'anonymous' },
  });
  expect(pledge.status).toBe(201);
  const account = await send(s.app, 'POST', '/staff/receiving-accounts', {
    token: staff,
    body: {
      kind: 'money_transfer',
      currency: 'KZT',
      active: true,
      company: 'Fuzz Transfer',
      receiverName: 'Fuzz Receiver',
      country: 'KG',
      city: { ky: 'Ош', ru: 'Ош', en: 'Osh' },
      instructions: { ky: '{reference}', ru: '{reference}', en: '{reference}' },
    },
  });
  expect(account.status).toBe(201);
  world = {
    tokens: { investor, officer: officer.token, staff, admin },
    ids: [
      officer.organisationId,
      (await pending.json()).id,
      draft.body.id,
      submitted.body.id,
      published.id,
      pledge.body.id,
      account.body.id,
    ],
    today,
  };
  // Every caller has been seen once, so authenticating later writes nothing (a first request records the user).
  for (const token of Object.values(world.tokens)) expect((await send(s.app, 'GET', '/me', { token })).status).toBe(200);
  doc = (await (await s.app.request('/v1/openapi.json')).json()) as OpenApiDoc;
}, 120_000);

afterAll(async () => {
  await s?.drop();
  await stripe?.close();
  await s3?.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
  s3?.destroy();
});

describe('fuzzing every mutating route (fast-check, from the OpenAPI document)', () => {
  it('answers only 4xx problem+json, never 5xx, and writes nothing', async () => {
    const ops = operations(s.app).filter((op) => op.route.includes(ROUTE_FILTER));
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops)
      expect(op.zod.body !== undefined, `${op.route}: the document's body has no zod schema behind it`).toBe(op.body !== undefined);
    console.log(
      `fuzz: seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run --project integration tests/integration/fuzz.test.ts), ${ops.length} mutating routes × ${RUNS_PER_ROUTE} requests`,
    );

    const [tableBefore, bucketBefore] = await Promise.all([tableDigest(s), bucketDigest()]);
    const started = Date.now();
    const sent = new Map<string, number>();
    const failures: string[] = [];
    const statuses = new Map<number, number>();

    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(requestsFor(op, world), async (r) => {
          fc.pre(harmless(r) && !KNOWN_FAULTS.some((k) => k.matches(r)));
          const headers = new Headers(r.headers);
          if (r.authorization) headers.set('authorization', headerSafe(r.authorization));
          if (r.contentType !== undefined) headers.set('content-type', r.contentType);
          const res = await s.app.request(urlOf(r), {
            method: r.op.method,
            headers,
            ...(r.body ? { body: r.body as Uint8Array<ArrayBuffer> } : {}),
          });
          sent.set(op.route, (sent.get(op.route) ?? 0) + 1);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const text = await res.text();
          const refused = staysOnRoute(r) ? refusal(r) : null;
          const wrong: string[] = [];
          if (res.status < 400 || res.status > 499) wrong.push(`status ${res.status}`);
          if (refused === 'unauthorized' && res.status !== 401) wrong.push(`expected 401 before validation, got ${res.status}`);
          if (refused === 'forbidden' && res.status !== 403) wrong.push(`expected 403 before validation, got ${res.status}`);
          if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
            wrong.push(`content-type ${res.headers.get('content-type')}`);
          if (res.headers.get('x-content-type-options') !== 'nosniff' || !res.headers.get('content-security-policy'))
            wrong.push('security headers missing');
          try {
            const problem = JSON.parse(text) as { status?: number; type?: string; title?: string };
            if (problem.status !== res.status || !problem.type || !problem.title) wrong.push('problem without type, title or status');
          } catch {
            wrong.push('body is not JSON');
          }
          if (wrong.length) {
            const body = r.body ? new TextDecoder().decode(r.body.slice(0, 300)) : '(none)';
            failures.push(
              `${op.route} as ${r.actor}${r.actor === 'forged' ? ` (authorization: ${JSON.stringify(r.authorization?.slice(0, 60))})` : ''} [${r.kind}] ${r.op.method} ${urlOf(r).slice(0, 200)} content-type=${r.contentType ?? '(none)'} headers=${JSON.stringify(r.headers).slice(0, 200)} body(${r.body?.length ?? 0} bytes)=${JSON.stringify(body)} → ${wrong.join('; ')}: ${text.slice(0, 300)}`,
            );
          }
        }),
        { seed: seedOf(op), numRuns: RUNS_PER_ROUTE, maxSkipsPerRun: 1_000, endOnFailure: true },
      );
    }
    const seconds = (Date.now() - started) / 1000;
    const [tableAfter, bucketAfter] = await Promise.all([tableDigest(s), bucketDigest()]);
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${total} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; per route ${JSON.stringify(Object.fromEntries(sent))}`,
    );

    // One assertion, so a failing run shows bad answers and writes together.
    expect(
      {
        badAnswers: failures.slice(0, 40),
        tableWrites: changes(tableBefore, tableAfter),
        bucketWrites: changes(bucketBefore, bucketAfter),
      },
      `${failures.length} bad answers (seed ${SEED})`,
    ).toEqual({ badAnswers: [], tableWrites: [], bucketWrites: [] });
    if (!ROUTE_FILTER) {
      expect(ops.filter((op) => !sent.get(op.route)).map((op) => op.route)).toEqual([]);
      if (RUNS_PER_ROUTE === 72) expect(total).toBeGreaterThanOrEqual(MIN_REQUESTS);
    }
  }, 300_000);
});
