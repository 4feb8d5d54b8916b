import {
  formatMoney,
  type AuditEntry,
  type CofundingReceipt,
  type Disbursement,
  type DisbursementRequest,
  type Locale,
  type Project,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { bishkekDay, bishkekToday } from './bishkek-calendar.js';
import { conflictIn, DomainError, invalidIn } from './errors.js';
import { REPORTING_STATUSES } from './late-reports.js';
import { allocate } from './money.js';
import { optimistically, throwIfFinal, type Round } from './money-commit.js';
import { bookingProject, type Booking, type Funder, type LedgerDeltas, type LedgerEntry } from './money-ports.js';
import { MAX_PROGRAMMES } from './money-admin.js';
import { authorize } from './policy.js';
import { deltas } from './pledge-rules.js';
import { loadVisibleProject, projectAudit } from './proposals.js';
import type { ProjectMoney, ReportDeps } from './report-ports.js';
import { documentOf } from './report-media.js';
import { bookingIdempotency, earlierBooking } from './booking-idempotency.js';
import { dropUnusedReportFiles } from './report-files.js';
import { notifyProjectUpdate } from './project-update-notices.js';

/** Whose money a disbursement spends, and the total each funder's share moves (LedgerDeltas). */
const SPENT_FIELD = {
  diaspora: 'spentDiaspora',
  programme: 'spentProgramme',
  municipality: 'spentMunicipality',
  other_donors: 'spentOther',
} as const satisfies Record<Exclude<Funder, 'opening'>, keyof LedgerDeltas>;
type SpendingFunder = keyof typeof SPENT_FIELD;
const FUNDERS = Object.keys(SPENT_FIELD) as SpendingFunder[];

/** Each funder's money the project received and has not spent, KGS tyiyn (never below 0). */
export function unspentByFunder(m: ProjectMoney): Record<SpendingFunder, number> {
  return {
    diaspora: Math.max(0, m.raised - m.spentDiaspora),
    programme: Math.max(0, m.matched - m.spentProgramme),
    municipality: Math.max(0, m.municipality - m.spentMunicipality),
    other_donors: Math.max(0, m.otherDonors - m.spentOther),
  };
}

/**
 * Splits a disbursement over the funders whose money it spends, in proportion to each one's unspent money (allocate:
 * exact, the shares add up to `amount`); null when the project holds less than `amount`.
 * @example splitDisbursement(300, { diaspora: 200, programme: 100, municipality: 0, other_donors: 0 }) // { diaspora: 200, programme: 100, ... 0 }
 */
export function splitDisbursement(amount: number, unspent: Record<SpendingFunder, number>): Record<SpendingFunder, number> | null {
  const weights = FUNDERS.map((f) => unspent[f]);
  if (weights.reduce((s, w) => s + w, 0) < amount) return null;
  const shares = allocate(amount, weights);
  return Object.fromEntries(FUNDERS.map((f, i) => [f, shares[i]!])) as Record<SpendingFunder, number>;
}

/** 409 on `amountKgs`: the project holds less than asked; says how much it holds, in the reader's language. */
export function overSpend(available: number): DomainError {
  const sum = (l: Locale) => formatMoney({ amount: Math.max(0, available), currency: 'KGS' }, l);
  const messages = {
    ky: `Долбоордо ${sum('ky')} гана бар: андан көп чыгым жазууга болбойт, эч нерсе жазылган жок`,
    ru: `У проекта есть только ${sum('ru')}: больше этого расход записать нельзя, ничего не записано`,
    en: `The project holds only ${sum('en')}: a disbursement cannot be larger, nothing was recorded`,
  };
  return new DomainError('conflict', messages.en, [{ field: 'amountKgs', message: messages.en, messages }], messages);
}

const NOT_REPORTING = {
  ky: 'Чыгымдар каржыланган же иштеп жаткан долбоорго гана жазылат',
  ru: 'Расходы записываются только у профинансированного или идущего проекта',
  en: 'Disbursements are recorded only for a funded or in-progress project',
};

/** The 409 of a report posted or edited on a project that is not funded or in progress (says reports, not disbursements). */
export const NOT_REPORTING_REPORTS = {
  ky: 'Отчеттор каржыланган же иштеп жаткан долбоорго гана жарыяланат',
  ru: 'Отчёты публикуются только у профинансированного или идущего проекта',
  en: 'Reports are posted only for a funded or in-progress project',
};

/**
 * The project as its officers (or staff) may report on it: 404 unless visible, 403 unless theirs, 409 unless funded or
 * in progress, said with `refusal` (disbursements by default; NOT_REPORTING_REPORTS for reports).
 */
export async function reportingProject(
  deps: ReportDeps,
  actor: Actor,
  projectId: string,
  refusal: Record<Locale, string> = NOT_REPORTING,
): Promise<{ project: Project; user: UserActor }> {
  const project = await loadVisibleProject(deps.projectDeps, actor, projectId, true);
  authorize(actor, { action: 'project:report', project });
  if (!REPORTING_STATUSES.includes(project.status)) throw conflictIn(refusal);
  return { project, user: actor };
}

function checkPaidOn(deps: ReportDeps, project: Project, paidOn: string): void {
  if (paidOn > bishkekToday(deps.clock)) {
    throw invalidIn('paidOn', { ky: 'Келечектеги күн болбойт', ru: 'Дата не может быть в будущем', en: 'cannot be in the future' });
  }
  const since = project.fundedAt ?? project.publishedAt;
  if (since && paidOn < bishkekDay(since)) {
    throw invalidIn('paidOn', {
      ky: 'Долбоор каржыланганга чейинки күн болбойт',
      ru: 'Дата не может быть раньше дня, когда проект был профинансирован',
      en: 'cannot be before the day the project was funded',
    });
  }
}

/** The programme share split over the project's programmes by what each matched for it (ProgrammeProject.matched). */
async function programmeUse(deps: ReportDeps, projectId: string, amount: number): Promise<{ programmeId: string; amount: number }[]> {
  if (amount === 0) return [];
  const programmes = await deps.programmes.list(MAX_PROGRAMMES);
  const matched = await deps.programmes.matchedForProject(
    programmes.map((p) => p.id),
    projectId,
  );
  const rows = [...matched].filter(([, m]) => m > 0);
  if (!rows.length) return [];
  const shares = allocate(
    amount,
    rows.map(([, m]) => m),
  );
  return rows.map(([programmeId], i) => ({ programmeId, amount: shares[i]! })).filter((u) => u.amount > 0);
}

function disbursementEntries(project: Project, d: Disbursement, split: Record<SpendingFunder, number>): LedgerEntry[] {
  return FUNDERS.filter((f) => split[f] > 0).map((funder) => ({
    id: `${d.id}-${funder}`,
    at: d.recordedAt,
    kind: 'disbursed',
    projectId: project.id,
    oblastSoate: project.oblastSoate,
    pledgeId: null,
    receiptId: null,
    programmeId: null,
    funder,
    original: null,
    country: null,
    deltas: deltas({ disbursed: split[funder], [SPENT_FIELD[funder]]: split[funder] }),
    publicName: null,
    // The public ledger says what the money paid for without reading the Disbursement item (one Query per page).
    purpose: d.purpose,
  }));
}

function moneyAudit(deps: ReportDeps, user: UserActor, action: string, projectId: string, after: AuditEntry['after']): AuditEntry {
  return projectAudit({ clock: deps.clock, newId: deps.newId }, user, { action, projectId, after });
}

/**
 * An officer of the project's organisation (or staff) records money paid out of a funded or in-progress project: a
 * booking with one `disbursed` entry per funder whose money it spends (splitDisbursement), the programme share ADDed to
 * each programme's `used`, the Disbursement and its audit entry (`disbursement.record`), all in one transaction
 * conditioned on the project's `available` >= amount: never more than the project received, also when two are sent at
 * once (409 naming `amountKgs`, overSpend, nothing booked). The funders get a `project_update` notice.
 * @throws DomainError 400 on `paidOn`/`documentKey`, 403, 404, 409.
 */
export async function recordDisbursement(
  deps: ReportDeps,
  actor: Actor,
  input: { projectId: string; idempotencyKey: string; request: DisbursementRequest },
): Promise<{ disbursement: Disbursement; created: boolean }> {
  const reporting = await reportingProject(deps, actor, input.projectId);
  try {
    return await bookDisbursement(deps, reporting, input);
  } catch (e) {
    // A refused disbursement takes back the document uploaded for it (issue 13 attacker 3), then the refusal stands.
    if (e instanceof DomainError && input.request.documentKey)
      await dropUnusedReportFiles(deps, input.projectId, [input.request.documentKey]);
    throw e;
  }
}

/** The Disbursement a request records, and its audit entry (`disbursement.record`), not yet booked. */
function newDisbursement(
  deps: ReportDeps,
  project: Project,
  user: UserActor,
  r: DisbursementRequest,
): { disbursement: Disbursement; audit: AuditEntry } {
  const disbursement: Disbursement = {
    id: deps.newId().toLowerCase(),
    projectId: project.id,
    milestoneId: r.milestoneId ?? null,
    amountKgs: r.amountKgs,
    paidOn: r.paidOn,
    purpose: r.purpose,
    document: r.documentKey ? documentOf(project, r.documentKey) : null,
    recordedAt: deps.clock.now().toISOString(),
    recordedBy: user.id,
  };
  const audit = moneyAudit(deps, user, 'disbursement.record', project.id, {
    amountKgs: r.amountKgs,
    currency: 'KGS',
    projectId: project.id,
    disbursementId: disbursement.id,
    paidOn: r.paidOn,
  });
  return { disbursement, audit };
}

async function bookDisbursement(
  deps: ReportDeps,
  { project, user }: { project: Project; user: UserActor },
  input: { idempotencyKey: string; request: DisbursementRequest },
): Promise<{ disbursement: Disbursement; created: boolean }> {
  const r = input.request;
  const idem = bookingIdempotency('disbursement', project.id, input.idempotencyKey, r);
  const replay = async (): Promise<{ disbursement: Disbursement; created: false } | undefined> => {
    const earlier = await earlierBooking(deps, idem);
    const first = earlier ? await deps.reports.getDisbursement(project.id, earlier) : undefined;
    return first ? { disbursement: first, created: false } : undefined;
  };
  checkPaidOn(deps, project, r.paidOn);
  if (r.milestoneId && !project.milestones.some((m) => m.id === r.milestoneId)) {
    throw invalidIn('milestoneId', { ky: 'Мындай этап жок', ru: 'Такого этапа нет', en: 'no such milestone' });
  }
  const { disbursement, audit } = newDisbursement(deps, project, user, r);
  const booked = await optimistically(async (): Promise<Round<boolean>> => {
    // Each round first asks whether this key booked meanwhile: the twin of a double click replays, never reads as an over-spend.
    if (await earlierBooking(deps, idem)) return { done: false };
    const money = await deps.reports.projectMoney(project.id);
    if (!money || money.available < r.amountKgs) throw overSpend(money?.available ?? 0);
    const split = splitDisbursement(r.amountKgs, unspentByFunder(money));
    if (!split) throw overSpend(money.available);
    const booking: Booking = {
      entries: disbursementEntries(project, disbursement, split),
      project: bookingProject(project),
      spend: r.amountKgs,
      audit: [audit],
      programmeUse: await programmeUse(deps, project.id, split.programme),
      disbursement,
      idempotency: { ...idem, resultId: disbursement.id },
    };
    const out = await deps.money.commitBooking(booking);
    // The same key won meanwhile (a double click): nothing was booked here; the replay below answers with the first.
    if (out.kind === 'duplicate') return { done: false };
    throwIfFinal(out);
    if (out.kind === 'conflict' && out.failed.includes('project_status')) {
      const now = await deps.projectDeps.projects.get(project.id);
      if (!now || !REPORTING_STATUSES.includes(now.status)) throw conflictIn(NOT_REPORTING);
    }
    return out.kind === 'committed' ? { done: true } : { again: true };
  });
  if (!booked) {
    const first = await replay();
    if (!first) throw new DomainError('conflict', 'the disbursement of this Idempotency-Key is not readable yet: send it again');
    return first;
  }
  await notifyProjectUpdate(deps, project, {
    about: `disbursement-${disbursement.id}`,
    what: 'disbursement',
    amountKgs: r.amountKgs,
    purpose: r.purpose,
  });
  return { disbursement, created: true };
}

/** 400 on `receivedOn` before the Bishkek day the project was published (1900-01-01 was booked): money comes after. */
function checkReceivedOn(project: Project, receivedOn: string): void {
  if (project.publishedAt && receivedOn < bishkekDay(project.publishedAt)) {
    throw invalidIn('receivedOn', {
      ky: 'Долбоор жарыяланганга чейинки күн болбойт',
      ru: 'Дата не может быть раньше дня публикации проекта',
      en: 'cannot be before the day the project was published',
    });
  }
}

const NOT_RECEIVING = {
  ky: 'Акча жарыяланган, каржыланган же иштеп жаткан долбоорго гана жазылат',
  ru: 'Деньги записываются только у опубликованного, профинансированного или идущего проекта',
  en: 'Money is recorded only for a published, funded or in-progress project',
};

/**
 * Staff record money a project received from its municipality's own budget or from other donors: a booking with one
 * `received` entry (funder municipality | other_donors; deltas municipality or otherDonors) and its audit entry
 * (`cofunding.record`), in one transaction conditioned on the project's status. 403 for anyone but staff.
 */
export async function recordCofunding(
  deps: ReportDeps,
  actor: Actor,
  input: { projectId: string; idempotencyKey: string; request: CofundingReceipt },
): Promise<{ created: boolean }> {
  authorize(actor, { action: 'money:manage' });
  const r = input.request;
  const idem = bookingIdempotency('cofunding', input.projectId, input.idempotencyKey, r);
  if (r.receivedOn > bishkekToday(deps.clock)) {
    throw invalidIn('receivedOn', { ky: 'Келечектеги күн болбойт', ru: 'Дата не может быть в будущем', en: 'cannot be in the future' });
  }
  const id = deps.newId().toLowerCase();
  return optimistically(async (): Promise<Round<{ created: boolean }>> => {
    // A retry (or the twin of a double click that lost the race) finds the first one's record: nothing more is booked.
    if (await earlierBooking(deps, idem)) return { done: { created: false } };
    const project = await loadVisibleProject(deps.projectDeps, actor, input.projectId, true);
    if (!['published', ...REPORTING_STATUSES].includes(project.status)) throw conflictIn(NOT_RECEIVING);
    checkReceivedOn(project, r.receivedOn);
    const at = deps.clock.now().toISOString();
    const entry: LedgerEntry = {
      id: `cofunding-${id}`,
      at,
      kind: 'received',
      projectId: project.id,
      oblastSoate: project.oblastSoate,
      pledgeId: null,
      receiptId: null,
      programmeId: null,
      funder: r.funder,
      original: null,
      country: null,
      deltas: deltas(r.funder === 'municipality' ? { municipality: r.amountKgs } : { otherDonors: r.amountKgs }),
      publicName: null,
    };
    const audit = moneyAudit(deps, actor, 'cofunding.record', project.id, {
      amountKgs: r.amountKgs,
      currency: 'KGS',
      projectId: project.id,
      funder: r.funder,
      receivedOn: r.receivedOn,
      note: r.note,
    });
    const out = await deps.money.commitBooking({
      entries: [entry],
      project: bookingProject(project),
      audit: [audit],
      idempotency: { ...idem, resultId: entry.id },
    });
    throwIfFinal(out);
    // A duplicate (the same key committed meanwhile) goes round again and replays from its record.
    return out.kind === 'committed' ? { done: { created: true } } : { again: true };
  });
}
