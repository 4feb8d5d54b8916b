import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, Project } from '@mekendesh/contracts';
import { seedProjects } from '@mekendesh/db';
import { MAX_ATTACHMENTS, reportingFileAllowance } from '@mekendesh/domain';
import { authStack, newUserInGroup, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';
import { approvedOfficer, send } from '../fixtures/proposals.js';

let s: AuthStack;
let officer: { organisationId: string; token: string };
beforeAll(async () => {
  s = await authStack();
  const staff = await signInToken(s.app, await newUserInGroup('staff'));
  officer = await approvedOfficer(s.app, staff, 'report-files');
}, 120_000);
afterAll(() => s.drop());

const FUNDED_AT = '2026-06-01T08:00:00.000Z';
/** n photos uploaded at `at` (before funding: the proposal's; after: reporting's). */
const photos = (n: number, at: string, tag: string): Attachment[] =>
  Array.from({ length: n }, (_, i) => {
    const key = `01j${tag}${String(i).padStart(21, '0')}`.slice(0, 26) + '.jpg';
    return { key, kind: 'photo', contentType: 'image/jpeg', size: 1000, fileName: null, variants: [], url: `/x/${key}`, uploadedAt: at };
  });

async function fundedWith(attachments: Attachment[]): Promise<Project> {
  const project = makeProject({
    organisationId: officer.organisationId,
    status: 'funded',
    fundedAt: FUNDED_AT,
    publishedAt: '2026-03-01T08:00:00.000Z',
    milestones: [
      { id: 'm1', title: { en: 'Materials' }, dueDate: '2027-03-01', tranche: 50_000_000 },
      { id: 'm2', title: { en: 'Works' }, dueDate: '2027-06-01', tranche: 50_000_000 },
    ],
    attachments,
  });
  await seedProjects(s.db, { organisations: [], projects: [project] });
  return project;
}

const ticket = (projectId: string) =>
  send(s.app, 'POST', `/projects/${projectId}/uploads`, { token: officer.token, body: { contentType: 'image/jpeg', size: 50_000 } });

describe('reporting files have their own allowance (issue 13 attacker 3)', () => {
  it("lets a funded project whose proposal has the full 30 files upload a report photo (it was a 409 'at most 30 files')", async () => {
    const project = await fundedWith(photos(MAX_ATTACHMENTS, '2026-02-01T08:00:00.000Z', 'prop'));
    const res = await ticket(project.id);
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/\.jpg$/);
  });

  it('refuses a reporting file beyond 10 per milestone report and 100 disbursement documents, with its own message', async () => {
    const project = await fundedWith([]);
    const max = reportingFileAllowance(project);
    expect(max).toBe(120);
    const full = { ...project, attachments: photos(max, '2026-07-01T08:00:00.000Z', 'rep') };
    await seedProjects(s.db, { organisations: [], projects: [full] });
    const res = await ticket(project.id);
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain('120');
  });

  it('takes back the document of a refused disbursement and the photo of a refused report; proposal files stay', async () => {
    const proposal = photos(1, '2026-02-01T08:00:00.000Z', 'keep');
    const doc: Attachment = {
      ...photos(1, '2026-07-01T08:00:00.000Z', 'doc')[0]!,
      kind: 'document',
      contentType: 'application/pdf',
    };
    doc.key = doc.key.replace('.jpg', '.pdf');
    const shot = photos(1, '2026-07-02T08:00:00.000Z', 'shot');
    // The project holds nothing to spend (available 0): any disbursement is the 409 over-spend.
    const project = await fundedWith([...proposal, doc, ...shot]);
    const spend = (documentKey: string) =>
      send(s.app, 'POST', `/projects/${project.id}/disbursements`, {
        token: officer.token,
        body: { amountKgs: 1_000_000, paidOn: '2026-07-03', purpose: 'Roofing sheets', documentKey },
        headers: { 'idempotency-key': `refused-${documentKey}` },
      });
    const keys = async () =>
      ((await send(s.app, 'GET', `/projects/${project.id}`, { token: officer.token })).body as Project).attachments!.map((a) => a.key);

    expect((await spend(proposal[0]!.key)).status).toBe(409);
    expect(await keys()).toEqual([proposal[0]!.key, doc.key, shot[0]!.key]);
    expect((await spend(doc.key)).status).toBe(409);
    expect(await keys()).toEqual([proposal[0]!.key, shot[0]!.key]);

    const report = await send(s.app, 'POST', `/projects/${project.id}/reports`, {
      token: officer.token,
      body: { milestoneId: 'm9', text: { en: 'Roof done' }, photoKeys: [shot[0]!.key] },
    });
    expect(report.status).toBe(400);
    expect(await keys()).toEqual([proposal[0]!.key]);
  });
});
