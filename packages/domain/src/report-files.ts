import type { Attachment, Project } from '@mekendesh/contracts';
import { discardServed } from './image-intake.js';
import type { ReportDeps } from './report-ports.js';
import { objectKey } from './uploads.js';

/** Pages read at most when looking for what references a file (reports: one per milestone; disbursements since the upload). */
const MAX_PAGES = 10;

/** Keys of the project's reports' photos and of the documents of disbursements recorded since `since` (ISO instant). */
async function referencedSince(deps: ReportDeps, projectId: string, since: string): Promise<Set<string>> {
  const used = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const reports = await deps.reports.reports({ projectId, limit: 50, ...(cursor ? { cursor } : {}) });
    for (const r of reports.items) for (const p of r.photos) used.add(p.key);
    if (!reports.nextCursor) break;
    cursor = reports.nextCursor;
  }
  cursor = undefined;
  // Newest first: a disbursement that names a file was recorded after its upload, so reading stops at older ones.
  for (let page = 0; page < MAX_PAGES; page++) {
    const spent = await deps.reports.disbursements({ projectId, limit: 50, ...(cursor ? { cursor } : {}) });
    for (const d of spent.items) if (d.document) used.add(d.document.key);
    if (!spent.nextCursor || spent.items.some((d) => d.recordedAt < since)) break;
    cursor = spent.nextCursor;
  }
  return used;
}

/** The request's files that were uploaded for reporting (since funding) and are in the project. */
function reportingFiles(project: Project, keys: readonly string[]): Attachment[] {
  const since = project.fundedAt ?? project.publishedAt;
  if (!since) return [];
  return (project.attachments ?? []).filter((a) => keys.includes(a.key) && a.uploadedAt >= since);
}

/**
 * Takes back the files a refused report or disbursement brought (issue 13 attacker 3): each of `keys` that was uploaded
 * for reporting (since funding) and that no report or disbursement names is detached from the project and its served
 * copies deleted, so a refusal (409 over-spend, 400 unknown milestone) leaves the project's files as they were. Best
 * effort, once: a concurrent edit of the project or a storage failure leaves the file (still within the reporting
 * allowance, uploads.ts) and the caller's refusal stands.
 */
export async function dropUnusedReportFiles(deps: ReportDeps, projectId: string, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  try {
    const project = await deps.projectDeps.projects.get(projectId);
    if (!project) return;
    const files = reportingFiles(project, keys);
    if (!files.length) return;
    const oldest = files.map((f) => f.uploadedAt).sort()[0]!;
    const used = await referencedSince(deps, projectId, oldest);
    const unused = files.filter((f) => !used.has(f.key));
    if (!unused.length) return;
    const gone = new Set(unused.map((f) => f.key));
    const next: Project = {
      ...project,
      attachments: (project.attachments ?? []).filter((a) => !gone.has(a.key)),
      version: project.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await deps.projectDeps.projects.save(next, project);
    const storage = deps.projectDeps.storage;
    if (storage)
      await discardServed(
        storage,
        unused.flatMap((f) => [f.key, ...f.variants.map((v) => v.key)]).map((k) => objectKey(projectId, k)),
      );
  } catch {
    // The refusal is what the caller reports; a file left behind counts against the reporting allowance only.
  }
}
