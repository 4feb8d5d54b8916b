import { readFile } from 'node:fs/promises';
import { DynamoOrganisationStore, DynamoProjectRepository, DynamoReportStore, seedProjects, type Db } from '@mekendesh/db';
import { DEMO_PROGRESS, DEMO_PROJECTS, type DemoFundedProject, type DemoPerson } from '@mekendesh/demo-data';
import {
  addDays,
  bishkekDay,
  changeProjectStatus,
  completeUpload,
  createPledge,
  postReport,
  recordCofunding,
  recordDisbursement,
  recordReceipt,
  territoryRules,
  uploadedKey,
  type Actor,
  type MoneyDeps,
  type ProjectDeps,
  type ReportDeps,
} from '@mekendesh/domain';
import { createS3Client, S3Storage, sharpImages } from '@mekendesh/storage';
import { TERRITORIES } from '@mekendesh/territories';
import { ulid } from 'ulid';

type Project = (typeof DEMO_PROJECTS)[number];

/** The local media server the report's photo is uploaded to (s3rver: mediaEnv's bucket and endpoint). */
export interface DemoMedia {
  bucket: string;
  endpoint: string;
}

/** Who acts: the investor of a project (by DemoPerson), the demo staff member and the demo officer. */
export interface ProgressActors {
  actorOf: (p: DemoPerson) => Actor;
  staff: Actor;
  officer: Actor;
}

/**
 * Issue 13's demo (DEMO_PROGRESS), through the use cases a request runs: two projects of the demo officer's
 * organisation are funded by a pledge staff record as received and moved to funded (which marks their milestones due);
 * on the first, staff record the municipality's money and the officer uploads a photo (the upload path's checks and
 * re-encoding, into the local media server), posts a report on the first milestone and records a disbursement; the
 * second keeps a milestone past due by more than 14 days with no report (late). Without `media` the report has no
 * photo. Each step checks what is stored first, so a load cut short resumes without doubles.
 */
export async function loadDemoProgress(db: Db, money: MoneyDeps, who: ProgressActors, media?: DemoMedia): Promise<void> {
  const projectDeps: ProjectDeps = {
    projects: new DynamoProjectRepository(db),
    organisations: new DynamoOrganisationStore(db),
    territories: territoryRules(TERRITORIES),
    clock: money.clock,
    newId: ulid,
    progress: new DynamoReportStore(db),
    ...(media ? { storage: new S3Storage(createS3Client({ ...media, region: 'local' }), media.bucket), images: sharpImages() } : {}),
  };
  const reports: ReportDeps = {
    projectDeps,
    reports: new DynamoReportStore(db),
    money: money.money,
    programmes: money.programmes,
    clock: money.clock,
    newId: ulid,
  };
  for (const p of [DEMO_PROGRESS.reported, DEMO_PROGRESS.late]) await fund(db, money, projectDeps, who, p);
  await reportAndSpend(projectDeps, reports, who, media !== undefined);
}

/** The project (published, from its template) funded whole by its investor's transfer, received, then moved to funded. */
async function fund(db: Db, money: MoneyDeps, deps: ProjectDeps, who: ProgressActors, p: DemoFundedProject): Promise<void> {
  const today = bishkekDay(money.clock.now());
  if (!(await money.projects.get(p.projectId))) await seedProjects(db, { organisations: [], projects: [fromTemplate(p, today)] });
  const project = (await money.projects.get(p.projectId))!;
  if (project.status !== 'published') return;
  const request = {
    type: 'donation',
    amount: { amount: p.goalKgs, currency: 'KGS' },
    channel: 'bank_transfer',
    display: 'name',
  } as const;
  const idempotencyKey = `demo-${p.projectId}-pledge`;
  const { pledge } = await createPledge(money, who.actorOf(p.investor), { projectId: p.projectId, idempotencyKey, request });
  if (pledge.status === 'pledged')
    await recordReceipt(money, who.staff, {
      pledgeId: pledge.id,
      amount: request.amount,
      receivedOn: today,
      bankReference: p.bankReference,
    });
  await changeProjectStatus(deps, who.staff, { id: p.projectId, to: 'funded', reason: 'the demo investor’s transfer covers the goal' });
}

/** Co-funding, the photo, the report on the first milestone and the disbursement, each once. */
async function reportAndSpend(deps: ProjectDeps, reports: ReportDeps, who: ProgressActors, withPhoto: boolean): Promise<void> {
  const r = DEMO_PROGRESS.reported;
  const today = bishkekDay(reports.clock.now());
  const money = await reports.reports.projectMoney(r.projectId);
  if (money && money.municipality === 0)
    await recordCofunding(reports, who.staff, {
      projectId: r.projectId,
      // One key per demo project: a reload that got this far before books it once (Idempotency-Key, issue 13).
      idempotencyKey: `demo-cofunding-${r.projectId}`,
      request: { ...r.cofunding, receivedOn: today },
    });
  let project = (await deps.projects.get(r.projectId))!;
  if (withPhoto && !(project.attachments ?? []).some((a) => a.key === r.report.photoKey))
    project = await uploadPhoto(deps, who.officer, project);
  const milestoneId = project.milestones[0]!.id;
  const posted = await reports.reports.reportedMilestones(r.projectId, 10);
  if (!posted.some((m) => m.milestoneId === milestoneId)) {
    const photoKeys = (project.attachments ?? []).filter((a) => a.key === r.report.photoKey).map((a) => a.key);
    await postReport(reports, who.officer, { projectId: r.projectId, request: { milestoneId, text: r.report.text, photoKeys } });
  }
  if ((await reports.reports.disbursements({ projectId: r.projectId, limit: 1 })).items.length === 0) {
    const request = { milestoneId, amountKgs: r.disbursement.amountKgs, paidOn: today, purpose: r.disbursement.purpose };
    await recordDisbursement(reports, who.officer, { projectId: r.projectId, idempotencyKey: `demo-disbursement-${r.projectId}`, request });
  }
}

/** The photo PUT where the browser would put it, then taken by the upload path (completeUpload: checks, re-encoding). */
async function uploadPhoto(deps: ProjectDeps, officer: Actor, project: Project): Promise<Project> {
  const { photoFile, photoKey, photoName } = DEMO_PROGRESS.reported.report;
  const body = new Uint8Array(await readFile(photoFile));
  await deps.storage!.put({ key: uploadedKey(project.id, photoKey), body, contentType: 'image/jpeg' });
  return completeUpload(deps, officer, { id: project.id, key: photoKey, fileName: photoName, cover: false });
}

/** A published copy of the template (`like`): its own id, slug, title, goal and plan, milestones due relative to today. */
function fromTemplate(p: DemoFundedProject, today: string): Project {
  const like = DEMO_PROJECTS.find((x) => x.id === p.like)!;
  const shares = p.dueInDays.map((_, i) => Math.floor(p.goalKgs / p.dueInDays.length) + (i === 0 ? p.goalKgs % p.dueInDays.length : 0));
  return {
    ...like,
    id: p.projectId,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: 'published',
    pledgeTypes: ['donation'],
    minimumPledge: 500 * 100,
    goal: p.goalKgs,
    fundingPlan: { diaspora: p.goalKgs, municipality: 0, cofinancing: 0, otherDonors: 0 },
    raised: 0,
    pledged: 0,
    supporters: 0,
    deadline: addDays(today, 60),
    milestones: p.dueInDays.map((days, i) => {
      const m = like.milestones[i] ?? like.milestones.at(-1)!;
      return {
        ...m,
        id: `${p.projectId}-m${i + 1}`,
        title: p.milestoneTitles[i] ?? m.title,
        dueDate: addDays(today, days),
        tranche: shares[i]!,
      };
    }),
  };
}
