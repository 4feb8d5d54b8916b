import {
  PHOTO_WIDTHS, UPLOAD_EXTENSIONS, UPLOAD_LIMITS, type Attachment, type Project, type UploadComplete, type UploadContentType,
  type UploadRequest, type UploadTicket,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { conflict, DomainError, invalid, notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import { authorize } from './policy.js';
import type { ObjectStorage, ProjectDeps } from './project-ports.js';
import { EDITABLE_STATUSES, loadVisibleProject, projectAudit } from './proposals.js';

/** Presigned URLs live this long: enough for a slow phone connection, short enough not to be shared around. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const MEDIA_URL_SECONDS = 60 * 60;
export const MAX_ATTACHMENTS = 30;

const TYPE_BY_EXTENSION = Object.fromEntries(Object.entries(UPLOAD_EXTENSIONS).map(([t, e]) => [e, t])) as Record<string, UploadContentType>;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The object key of an upload (or of one of its resized copies) within a project. */
export const objectKey = (projectId: string, name: string) => `projects/${projectId}/${name}`;
export const mediaUrl = (projectId: string, name: string) => `/v1/projects/${projectId}/media/${name}`;

/**
 * What the first bytes of a file say it is, whatever its name or declared type claims.
 * @example sniffContentType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) // 'application/pdf'
 */
export function sniffContentType(bytes: Uint8Array): UploadContentType | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}

/** Refuses a type outside the allowlist or a size over its limit, naming the field. */
export function checkUpload(contentType: string, size: number): UploadContentType {
  if (!(contentType in UPLOAD_LIMITS)) throw invalid('contentType', `only ${Object.keys(UPLOAD_LIMITS).join(', ')} may be uploaded`);
  const type = contentType as UploadContentType;
  if (size > UPLOAD_LIMITS[type]) throw invalid('size', `a ${type} file may be at most ${megabytes(UPLOAD_LIMITS[type])}`);
  return type;
}

async function editableWithStorage(deps: ProjectDeps, actor: Actor, id: string): Promise<{ project: Project; storage: ObjectStorage; user: UserActor }> {
  const project = await loadVisibleProject(deps, actor, id, true);
  authorize(actor, { action: 'project:edit', project });
  if (!deps.storage) throw conflict('file storage is not configured here');
  if (!EDITABLE_STATUSES.includes(project.status)) throw conflict(`files cannot be added to a ${project.status} project`);
  if ((project.attachments ?? []).length >= MAX_ATTACHMENTS) throw conflict(`a project has at most ${MAX_ATTACHMENTS} files`);
  return { project, storage: deps.storage, user: actor };
}

/** A presigned PUT for one photo or document of a project its owner is still editing. */
export async function requestUpload(deps: ProjectDeps, actor: Actor, input: { id: string } & UploadRequest): Promise<UploadTicket> {
  const { project, storage } = await editableWithStorage(deps, actor, input.id);
  const type = checkUpload(input.contentType, input.size);
  const key = `${deps.newId().toLowerCase()}.${UPLOAD_EXTENSIONS[type]}`;
  const signed = await storage.presignPut({ key: objectKey(project.id, key), contentType: type, contentLength: input.size, expiresInSeconds: UPLOAD_URL_SECONDS });
  const expiresAt = new Date(deps.clock.now().getTime() + UPLOAD_URL_SECONDS * 1000).toISOString();
  return { key, url: signed.url, method: 'PUT', headers: signed.headers, expiresAt, maxSize: UPLOAD_LIMITS[type] };
}

/** Checks the stored object against its name: size, declared type and magic bytes. Deletes it if it fails. */
async function verifyObject(storage: ObjectStorage, objectName: string, type: UploadContentType): Promise<number> {
  const head = await storage.head(objectName);
  if (!head) throw invalid('key', 'nothing was uploaded under this key (or the upload expired)');
  const refuse = async (field: string, message: string) => {
    await storage.delete(objectName);
    return invalid(field, message);
  };
  if (head.size > UPLOAD_LIMITS[type]) throw await refuse('size', `the file is ${megabytes(head.size)}; a ${type} file may be at most ${megabytes(UPLOAD_LIMITS[type])}`);
  if (head.contentType !== type) throw await refuse('contentType', `the file was sent as ${head.contentType ?? 'no type'}, not ${type}`);
  const sniffed = sniffContentType(await storage.readStart(objectName, 16));
  if (sniffed !== type) throw await refuse('file', `the file's content is not ${type}`);
  return head.size;
}

async function resizedCopies(deps: ProjectDeps, storage: ObjectStorage, projectId: string, key: string): Promise<Attachment['variants']> {
  if (!deps.resizer) return [];
  const original = await storage.read(objectKey(projectId, key));
  const variants: Attachment['variants'] = [];
  for (const width of PHOTO_WIDTHS) {
    const copy = await deps.resizer.resize(original, width);
    if (!copy) return [];
    const name = `${key.split('.')[0]}-w${width}.webp`;
    await storage.put({ key: objectKey(projectId, name), body: copy.body, contentType: 'image/webp' });
    variants.push({ width: copy.width, key: name });
    if (copy.width < width) break; // the original is narrower: larger copies would be the same
  }
  return variants;
}

/**
 * After the PUT: verifies the object, makes phone-sized copies of a photo and attaches it to the project
 * (as its cover when asked, or when it is the first photo). Completing twice is harmless.
 */
export async function completeUpload(deps: ProjectDeps, actor: Actor, input: { id: string; key: string } & UploadComplete): Promise<Project> {
  const { project, storage, user } = await editableWithStorage(deps, actor, input.id);
  if ((project.attachments ?? []).some((a) => a.key === input.key)) return project;
  const type = TYPE_BY_EXTENSION[input.key.split('.')[1] ?? ''];
  if (!type) throw invalid('key', 'not an upload key');
  const size = await verifyObject(storage, objectKey(project.id, input.key), type);
  const kind = type === 'application/pdf' ? 'document' : 'photo';
  const attachment: Attachment = {
    key: input.key, kind, contentType: type, size, fileName: input.fileName ?? null, url: mediaUrl(project.id, input.key),
    variants: kind === 'photo' ? await resizedCopies(deps, storage, project.id, input.key) : [],
    uploadedAt: deps.clock.now().toISOString(),
  };
  return attach(deps, user, project, attachment, input.cover === true);
}

/** Adds the attachment to the latest version; retried on a concurrent edit, since adding a file commutes with it. */
async function attach(deps: ProjectDeps, actor: UserActor, first: Project, attachment: Attachment, cover: boolean): Promise<Project> {
  let previous = first;
  for (let attempt = 0; ; attempt++) {
    const makeCover = attachment.kind === 'photo' && (cover || !previous.coverPhoto);
    const next: Project = {
      ...previous, attachments: [...(previous.attachments ?? []), attachment], version: previous.version + 1, updatedAt: attachment.uploadedAt,
      ...(makeCover ? { coverPhoto: attachment.key, coverUrl: attachment.url } : {}),
    };
    try {
      await deps.projects.save(next, previous, [projectAudit(deps, actor, { action: 'project.attach', projectId: next.id, after: { key: attachment.key, kind: attachment.kind, size: attachment.size } })]);
      return next;
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'conflict') || attempt >= 2) throw e;
      const reloaded = await deps.projects.get(first.id);
      if (!reloaded) throw notFound('project');
      if (!EDITABLE_STATUSES.includes(reloaded.status)) throw conflict(`files cannot be added to a ${reloaded.status} project`);
      previous = reloaded;
    }
  }
}

/**
 * Where a project's file (or its copy nearest to `width`) can be fetched now: a short-lived object URL.
 * Files of non-public projects only for their owners and staff.
 */
export async function mediaLocation(deps: ProjectDeps, actor: Actor, input: { id: string; key: string; width?: number | undefined }): Promise<{ url: string; public: boolean }> {
  const project = await loadVisibleProject(deps, actor, input.id);
  const attachment = (project.attachments ?? []).find((a) => a.key === input.key);
  if (!attachment || !deps.storage) throw notFound('file');
  const variant = input.width ? (attachment.variants.find((v) => v.width >= input.width!) ?? attachment.variants.at(-1)) : undefined;
  const url = await deps.storage.presignGet({ key: objectKey(project.id, variant?.key ?? attachment.key), expiresInSeconds: MEDIA_URL_SECONDS });
  return { url, public: isPublic(project.status) };
}
