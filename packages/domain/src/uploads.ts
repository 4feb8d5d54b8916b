import {
  MAX_REPORT_PHOTOS,
  UPLOAD_EXTENSIONS,
  UPLOAD_LIMITS,
  type Attachment,
  type Project,
  type UploadComplete,
  type UploadContentType,
  type UploadForm,
  type UploadFormRequest,
  type UploadRequest,
  type UploadTicket,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { conflictIn, DomainError, invalidIn, notFound } from './errors.js';
import { discardServed, FORM_PHOTO_TYPE, isImageType, takeUpload, type UploadToTake } from './image-intake.js';
import { isPublic } from './lifecycle.js';
import { REPORTING_STATUSES } from './late-reports.js';
import { authorize } from './policy.js';
import type { ImageProcessor, ObjectStorage, ProjectDeps } from './project-ports.js';
import { EDITABLE_STATUSES, loadVisibleProject, projectAudit } from './proposals.js';
import { awaitUploadCheck, recordUploadCheck, type UploadCheckOutcome } from './upload-checks.js';
import { UPLOAD_MESSAGES as M } from './upload-messages.js';
import { checkReturnProof, parseReturnPath, returnUrl } from './upload-return.js';

/** Presigned URLs live this long: enough for a slow phone connection, short enough not to be shared around. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const MEDIA_URL_SECONDS = 60 * 60;
/** A form's return address stays valid this long after signing: the form's own life, then as long again for the upload itself. */
const UPLOAD_RETURN_SECONDS = 2 * UPLOAD_URL_SECONDS;
export const MAX_ATTACHMENTS = 30;

const TYPE_BY_EXTENSION = Object.fromEntries(Object.entries(UPLOAD_EXTENSIONS).map(([t, e]) => [e, t])) as Record<
  string,
  UploadContentType
>;

/**
 * The object key a project's file (or one of its resized copies) is served from: photos (re-encoded, no metadata) under
 * `media/`, which CloudFront serves publicly at `/media/projects/<id>/<file>` (names are unguessable ULIDs, and a draft's
 * keys are shown only to its owners and staff); documents under `projects/`, private, reached by short-lived URLs only.
 * @example objectKey('p1', '01j.png') // 'media/projects/p1/01j.png'
 */
export const objectKey = (projectId: string, name: string) =>
  name.endsWith('.pdf') ? `projects/${projectId}/${name}` : `media/projects/${projectId}/${name}`;
/**
 * The private key an upload is PUT to: never served (its presigned URL stays usable for a while, so what is
 * there is unchecked); completing reads it, deletes it and writes the checked file under {@link objectKey}.
 */
export const uploadedKey = (projectId: string, name: string) => `incoming/projects/${projectId}/${name}`;
export const mediaUrl = (projectId: string, name: string) => `/v1/projects/${projectId}/media/${name}`;

/**
 * The upload of file `name` of a project, as {@link takeUpload} takes it: the one description both callers use (the
 * API completing it in-process, the image function checking it in the cloud), so both serve it under the same keys.
 * Undefined when `name` is not an upload key (`<id>.<jpg|png|webp|pdf>`).
 */
export function projectUpload(projectId: string, name: string): UploadToTake | undefined {
  const type = /^[0-9a-z-]+\.[a-z]+$/.test(name) ? TYPE_BY_EXTENSION[name.split('.')[1]!] : undefined;
  if (!type) return undefined;
  return { uploadedKey: uploadedKey(projectId, name), servedKey: (file) => objectKey(projectId, file), name, type };
}

/**
 * The image function's entry to the domain: checks the object S3 says was created at `key` (an {@link uploadedKey}),
 * through {@link recordUploadCheck}. A key of any other shape is left alone ('not an upload'): nothing is served from it.
 */
export async function checkUploadedObject(
  deps: { storage: ObjectStorage; images?: ImageProcessor | undefined },
  key: string,
): Promise<UploadCheckOutcome | 'not an upload'> {
  const match = /^incoming\/projects\/([^/]+)\/([^/]+)$/.exec(key);
  const upload = match ? projectUpload(match[1]!, match[2]!) : undefined;
  return upload ? recordUploadCheck(deps, upload) : 'not an upload';
}

/** Refuses a type outside the allowlist or a size over its limit, naming the field (in ky/ru/en). */
export function checkUpload(contentType: string, size: number): UploadContentType {
  if (!(contentType in UPLOAD_LIMITS)) throw invalidIn('contentType', M.typeNotAllowed);
  const type = contentType as UploadContentType;
  if (size > UPLOAD_LIMITS[type]) throw invalidIn('size', M.tooLarge(type));
  return type;
}

/**
 * A project takes files while its owners edit it, and, once funded and until completed, for its progress reports'
 * photos and its disbursements' documents (issue 13: the same checks; these never become the cover).
 */
const acceptsFiles = (status: Project['status']) => EDITABLE_STATUSES.includes(status) || REPORTING_STATUSES.includes(status);

/** Documents of disbursements a project may upload (one per disbursement, referenced by it). */
export const MAX_DISBURSEMENT_DOCUMENTS = 100;

/**
 * How many files a funded project may upload for its reporting (issue 13 attacker 3): MAX_REPORT_PHOTOS per report
 * (one report per milestone) and MAX_DISBURSEMENT_DOCUMENTS, its own allowance beside the proposal's MAX_ATTACHMENTS.
 * @example reportingFileAllowance({ milestones: [m1, m2] }) // 120
 */
export const reportingFileAllowance = (project: Pick<Project, 'milestones'>): number =>
  MAX_REPORT_PHOTOS * project.milestones.length + MAX_DISBURSEMENT_DOCUMENTS;

/**
 * 409 when the project has no room for one more file: while edited, MAX_ATTACHMENTS in all; once funded, the files
 * uploaded since its funding (report photos, disbursement documents) against reportingFileAllowance, so a proposal of
 * 30 files still reports and reporting never eats the proposal's 30 (the attacker's 30-file ceiling).
 */
function checkAllowance(project: Project): void {
  const files = project.attachments ?? [];
  // Nothing of the proposal is uploaded after publishing (not editable then): a project funded before fundedAt existed counts from that day.
  const since = project.fundedAt ?? project.publishedAt;
  if (REPORTING_STATUSES.includes(project.status) && since) {
    const max = reportingFileAllowance(project);
    if (files.filter((a) => a.uploadedAt >= since).length >= max) throw conflictIn(M.tooManyReportFiles(max));
  } else if (files.length >= MAX_ATTACHMENTS) throw conflictIn(M.tooManyFiles(MAX_ATTACHMENTS));
}

async function editableWithStorage(
  deps: ProjectDeps,
  actor: Actor,
  id: string,
): Promise<{ project: Project; storage: ObjectStorage; user: UserActor }> {
  const project = await loadVisibleProject(deps, actor, id, true);
  authorize(actor, { action: 'project:edit', project });
  if (!deps.storage) throw conflictIn(M.noStorage);
  if (!acceptsFiles(project.status)) throw conflictIn(M.notEditable);
  checkAllowance(project);
  return { project, storage: deps.storage, user: actor };
}

/** How new uploads are named and signed: 409 (no store) without ProjectDeps.uploadKeys, as without storage. */
function uploadKeysOf(deps: ProjectDeps): NonNullable<ProjectDeps['uploadKeys']> {
  if (!deps.uploadKeys) throw conflictIn(M.noStorage);
  return deps.uploadKeys;
}

/** A new upload's file name: a random ULID (uploadKeys.newId, never the monotonic one), lower case, and the type's extension. */
const newUploadKey = (deps: ProjectDeps, type: UploadContentType) =>
  `${uploadKeysOf(deps).newId().toLowerCase()}.${UPLOAD_EXTENSIONS[type]}`;

/** A presigned PUT for one photo or document of a project its owner is still editing (to its {@link uploadedKey}). */
export async function requestUpload(deps: ProjectDeps, actor: Actor, input: { id: string } & UploadRequest): Promise<UploadTicket> {
  const { project, storage } = await editableWithStorage(deps, actor, input.id);
  const type = checkUpload(input.contentType, input.size);
  // Photos are only ever served re-encoded: without an image library, none is taken.
  if (isImageType(type) && !deps.images && !deps.imageFunction) throw conflictIn(M.noImageLibrary);
  const key = newUploadKey(deps, type);
  const signed = await storage.presignPut({
    key: uploadedKey(project.id, key),
    contentType: type,
    contentLength: input.size,
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  const expiresAt = new Date(deps.clock.now().getTime() + UPLOAD_URL_SECONDS * 1000).toISOString();
  return { key, url: signed.url, method: 'PUT', headers: signed.headers, expiresAt, maxSize: UPLOAD_LIMITS[type] };
}

/**
 * A browser form that POSTs one photo (`kind` photo: JPEG, PNG or WebP, whichever its bytes are) or PDF document straight
 * to the store, for pages without JavaScript (issue 14: nothing of the file passes through a function). Same checks as
 * {@link requestUpload} (owner or staff, a status that takes files, the allowance, the type). The store sends the browser
 * (303) to the project's return page on `webOrigin` that `redirectPath` names, rebuilt from its language and purpose
 * (upload-return.ts), with `upload=<key>`, `expires` and `proof` added, signed into the policy; the page there completes it
 * with that proof.
 * @throws DomainError 400 on `redirectPath` (not this project's return page), 401/403/404/409 as requestUpload.
 * @example requestUploadForm(deps, owner, { id: 'p1', kind: 'photo', redirectPath: '/ky/organisation/projects/p1/uploaded', webOrigin }) // { url, fields, key: '01j….jpg', … }
 */
export async function requestUploadForm(
  deps: ProjectDeps,
  actor: Actor,
  input: { id: string; webOrigin: string } & UploadFormRequest,
): Promise<UploadForm> {
  const { project, storage } = await editableWithStorage(deps, actor, input.id);
  const { proofKey } = uploadKeysOf(deps);
  const to = parseReturnPath(input.redirectPath, project.id);
  const photo = input.kind === 'photo';
  if (photo && !deps.images && !deps.imageFunction) throw conflictIn(M.noImageLibrary);
  const type: UploadContentType = photo ? 'image/jpeg' : 'application/pdf';
  const key = newUploadKey(deps, type);
  const now = deps.clock.now().getTime();
  const returnExpires = Math.floor(now / 1000) + UPLOAD_RETURN_SECONDS;
  const maxSize = UPLOAD_LIMITS[type];
  const post = await storage.presignPost({
    key: uploadedKey(project.id, key),
    contentType: photo ? { startsWith: 'image/', value: FORM_PHOTO_TYPE } : { exact: type },
    maxSize,
    redirect: returnUrl(proofKey, input.webOrigin, project.id, to, key, returnExpires),
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  const expiresAt = new Date(now + UPLOAD_URL_SECONDS * 1000).toISOString();
  return { url: post.url, fields: post.fields, key, expiresAt, maxSize };
}

/**
 * After the PUT: takes the upload through {@link takeUpload} (checks; photos re-encoded without metadata,
 * with phone-sized copies; the upload itself deleted) and attaches what is served to the project (as its
 * cover when asked, or when it is the first photo). `size` is the served file's. Completing twice is
 * harmless. On any refusal or failure nothing of the upload is left in storage. When any of `purpose`, `expires`, `proof`
 * is given (a no-JavaScript form's return page), they must be the proof signed into that form's return address.
 * @throws DomainError 400 on `proof`, `key`, `size`, `contentType` or `file`, 409 (see takeUpload, editableWithStorage).
 */
export async function completeUpload(
  deps: ProjectDeps,
  actor: Actor,
  input: { id: string; key: string } & UploadComplete,
): Promise<Project> {
  const { project, storage, user } = await editableWithStorage(deps, actor, input.id);
  if (input.purpose !== undefined || input.expires !== undefined || input.proof !== undefined)
    checkReturnProof(deps.uploadKeys?.proofKey, { projectId: project.id, ...input }, Math.floor(deps.clock.now().getTime() / 1000));
  // By the ULID: a form's photo is attached under the extension of what it turned out to be (a `.jpg` key may become `.png`).
  const stem = input.key.split('.')[0];
  if ((project.attachments ?? []).some((a) => a.key.split('.')[0] === stem)) {
    // The PUT URL may have been used again after completing: that copy is never served, so it goes.
    await storage.delete(uploadedKey(project.id, input.key));
    return project;
  }
  const upload = projectUpload(project.id, input.key);
  if (!upload) throw invalidIn('key', M.notAnUploadKey);
  // In the cloud the image function has checked it (or is checking it); locally the API checks it here, the same way.
  const taken = deps.imageFunction
    ? await awaitUploadCheck(storage, upload, deps.imageFunction.pollMs)
    : await takeUpload({ storage, images: deps.images }, upload);
  const kind = taken.type === 'application/pdf' ? 'document' : 'photo';
  const attachment: Attachment = {
    key: taken.name,
    kind,
    contentType: taken.type,
    size: taken.size,
    fileName: input.fileName ?? null,
    url: mediaUrl(project.id, taken.name),
    variants: taken.variants,
    uploadedAt: deps.clock.now().toISOString(),
  };
  try {
    return await attach(deps, user, project, attachment, input.cover === true);
  } catch (e) {
    await discardServed(storage, taken.servedKeys);
    throw e;
  }
}

/** Adds the attachment to the latest version; retried on a concurrent edit, since adding a file commutes with it. */
async function attach(deps: ProjectDeps, actor: UserActor, first: Project, attachment: Attachment, cover: boolean): Promise<Project> {
  let previous = first;
  for (let attempt = 0; ; attempt++) {
    const makeCover = attachment.kind === 'photo' && EDITABLE_STATUSES.includes(previous.status) && (cover || !previous.coverPhoto);
    const next: Project = {
      ...previous,
      attachments: [...(previous.attachments ?? []), attachment],
      version: previous.version + 1,
      updatedAt: attachment.uploadedAt,
      ...(makeCover ? { coverPhoto: attachment.key, coverUrl: attachment.url } : {}),
    };
    try {
      await deps.projects.save(next, previous, [
        projectAudit(deps, actor, {
          action: 'project.attach',
          projectId: next.id,
          after: { key: attachment.key, kind: attachment.kind, size: attachment.size },
        }),
      ]);
      return next;
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'conflict') || attempt >= 2) throw e;
      const reloaded = await deps.projects.get(first.id);
      if (!reloaded) throw notFound('project');
      // A concurrent completion of the same key attached it (to the same served keys): done.
      if ((reloaded.attachments ?? []).some((a) => a.key === attachment.key)) return reloaded;
      if (!acceptsFiles(reloaded.status)) throw conflictIn(M.notEditable);
      previous = reloaded;
    }
  }
}

/**
 * Where a project's file (or its copy nearest to `width`) can be fetched now: a short-lived object URL.
 * Files of non-public projects only for their owners and staff.
 */
export async function mediaLocation(
  deps: ProjectDeps,
  actor: Actor,
  input: { id: string; key: string; width?: number | undefined },
): Promise<{ url: string; public: boolean }> {
  const project = await loadVisibleProject(deps, actor, input.id);
  const attachment = (project.attachments ?? []).find((a) => a.key === input.key);
  if (!attachment || !deps.storage) throw notFound('file');
  const variant = input.width ? (attachment.variants.find((v) => v.width >= input.width!) ?? attachment.variants.at(-1)) : undefined;
  const url = await deps.storage.presignGet({
    key: objectKey(project.id, variant?.key ?? attachment.key),
    expiresInSeconds: MEDIA_URL_SECONDS,
    // A document is downloaded, never rendered on the store's origin (a PDF viewer runs its scripts there).
    ...(attachment.kind === 'document' ? { download: attachment.key } : {}),
  });
  return { url, public: isPublic(project.status) };
}
