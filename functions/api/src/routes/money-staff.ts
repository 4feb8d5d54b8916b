import { createRoute, z } from '@hono/zod-openapi';
import {
  ManualRatesRequestSchema,
  ProgrammeListSchema,
  ProgrammeRequestSchema,
  ProgrammeSchema,
  RateTableListSchema,
  RateTableSchema,
  RateTablesQuerySchema,
  ReceiptRequestSchema,
  ReceiptResultSchema,
  StatementRequestSchema,
  StatementResultSchema,
} from '@mekendesh/contracts';
import { commitStatement, previewStatement, type StatementImport } from '@mekendesh/domain/statements';
import { createProgramme, listProgrammes, listRateTables, putManualRates } from '@mekendesh/domain/money-admin';
import { recordReceipt } from '@mekendesh/domain/receipts';
import type { Deps } from '../composition.js';
import { maxBody, STATEMENT_BODY_LIMIT } from '../middleware/body.js';
import { IdParams, json, jsonBody, problems, resource, staffOnly } from './shared.js';

const receipt = createRoute({
  method: 'post',
  path: '/{id}/receipts',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Record money received for a pledge by transfer (partial and over-payments are kept and shown)',
  description:
    'Priced at the rate of the day received; co-financing matches are reserved in the same transaction. The same bankReference books once (409). Money of the same amount and currency the pledge already received that day under another id (a statement line without a bank reference, a card payment) is a 409 on confirmDuplicate unless confirmDuplicate is true. receivedOn from FIRST_RECEIPT_DAY (2025-01-01) to today in Bishkek, else 400.',
  request: { params: IdParams, body: jsonBody(ReceiptRequestSchema) },
  responses: { 201: json(ReceiptResultSchema, 'The receipt and the pledge after it'), ...problems(400, 401, 403, 404, 409) },
});

const preview = createRoute({
  method: 'post',
  path: '/preview',
  tags: ['money (staff)'],
  security: staffOnly,
  ...maxBody(STATEMENT_BODY_LIMIT),
  summary: 'Match a bank statement (CSV) on payment references, booking nothing',
  description:
    'The file as uploaded (`content`, base64; encoding detected, or as chosen) or as text (`csv`). Header row with date, amount, currency and description (or reference) columns, optionally bank_reference; semicolon, comma or tab separated. One decimal separator per file; an amount that reads two ways is `ambiguous` until confirmed in `confirmedAmounts`; a line that may repeat money the pledge already received that day under another id is `possible_duplicate` (with `duplicateOf`) until its line is in `confirmedDuplicates`. Reasons are codes.',
  request: { body: jsonBody(StatementRequestSchema) },
  responses: { 200: json(StatementResultSchema, 'Each line: matched, unmatched, duplicate or invalid'), ...problems(400, 401, 403) },
});

const commit = createRoute({
  method: 'post',
  path: '/commit',
  tags: ['money (staff)'],
  security: staffOnly,
  ...maxBody(STATEMENT_BODY_LIMIT),
  summary:
    'Book the matched lines of a statement (ambiguous amounts once confirmed); committing the same statement again books nothing new',
  request: { body: jsonBody(StatementRequestSchema) },
  responses: { 200: json(StatementResultSchema, 'Each line: booked, duplicate, unmatched or invalid'), ...problems(400, 401, 403) },
});

const rates = createRoute({
  method: 'put',
  path: '/{date}',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Enter a day’s exchange rates by hand (they win over fetched rates of that day)',
  request: { params: z.object({ date: z.iso.date() }), body: jsonBody(ManualRatesRequestSchema) },
  responses: { 200: json(RateTableSchema, 'The stored table'), ...problems(400, 401, 403) },
});

const listRates = createRoute({
  method: 'get',
  path: '/',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Stored exchange-rate tables, newest day first, each with its source and whether it is in force; and today’s',
  request: { query: RateTablesQuerySchema },
  responses: { 200: json(RateTableListSchema, 'A page of rate tables'), ...problems(400, 401, 403) },
});

const createProg = createRoute({
  method: 'post',
  path: '/',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Define a co-financing programme',
  request: { body: jsonBody(ProgrammeRequestSchema) },
  responses: { 201: json(ProgrammeSchema, 'The programme'), ...problems(400, 401, 403) },
});

const listProg = createRoute({
  method: 'get',
  path: '/',
  tags: ['money (staff)'],
  summary: 'Co-financing programmes, with what they reserved so far',
  responses: { 200: json(ProgrammeListSchema, 'Programmes, newest first') },
});

/** The request as the use case takes it: the uploaded file's bytes (base64 on the wire), or the text. */
function statementImport(body: z.output<typeof StatementRequestSchema>): StatementImport {
  const { csv, content, encoding, confirmedAmounts, confirmedDuplicates } = body;
  const confirmed = { confirmedAmounts, confirmedDuplicates };
  return content !== undefined
    ? { bytes: new Uint8Array(Buffer.from(content, 'base64')), encoding, ...confirmed }
    : { csv: csv!, ...confirmed };
}

/** Money received for a pledge by transfer, mounted at /pledges. */
export function receiptRoutes(deps: Deps) {
  return resource().openapi(receipt, async (c) =>
    c.json(await recordReceipt(deps.money, c.var.actor, { pledgeId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
  );
}

/** Bank statements matched and booked, mounted at /staff/statements. */
export function statementRoutes(deps: Deps) {
  return resource()
    .openapi(preview, async (c) => c.json(await previewStatement(deps.money, c.var.actor, statementImport(c.req.valid('json'))), 200))
    .openapi(commit, async (c) => c.json(await commitStatement(deps.money, c.var.actor, statementImport(c.req.valid('json'))), 200));
}

/** A day's exchange rates entered by hand, mounted at /rates. */
export function rateRoutes(deps: Deps) {
  return resource()
    .openapi(listRates, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await listRateTables({ ...deps.money, people: deps.audit }, c.var.actor, c.req.valid('query')), 200);
    })
    .openapi(rates, async (c) =>
      c.json(await putManualRates(deps.money, c.var.actor, { date: c.req.valid('param').date, request: c.req.valid('json') }), 200),
    );
}

/** Co-financing programmes, mounted at /programmes. */
export function programmeRoutes(deps: Deps) {
  return resource()
    .openapi(createProg, async (c) =>
      c.json(await createProgramme({ ...deps.money, territories: deps.projectDeps.territories }, c.var.actor, c.req.valid('json')), 201),
    )
    .openapi(listProg, async (c) => {
      c.header('cache-control', 'public, max-age=30');
      return c.json({ items: await listProgrammes(deps.money) }, 200);
    });
}
