import type { FundedNoticeDeps } from './transactional-notices.js';
import type { AuditEntry, Project, ProjectStatus, ProjectSummary } from '@mekendesh/contracts';
import type { OrganisationStore } from './account-ports.js';
import type { Clock } from './accounts.js';
import type { Page, ProjectRepository } from './ports.js';
import type { TerritoryLookup } from './territory-rules.js';
import type { ReportStore } from './report-ports.js';

/** A project summary with the facts a queue needs (times and the last reason). */
export type QueuedProject = ProjectSummary & { statusChangedAt: string | null; statusReason: string | null; submittedAt: string | null };

/** Project storage with writes: every write keeps the discovery index items and totals right. */
export interface ProjectStore extends ProjectRepository {
  /**
   * Stores `project` (a new one when `previous` is undefined), conditioned on the stored version still being
   * `previous.version`: a stale writer gets a conflict and nothing is written. The audit entries go in the
   * same transaction.
   */
  save(project: Project, previous: Project | undefined, audit?: readonly AuditEntry[]): Promise<void>;
  /** An organisation's projects in every status, newest first (bounded by the organisation's index). */
  listByOrganisation(input: { organisationId: string; limit: number; cursor?: string }): Promise<Page<QueuedProject>>;
  /** Projects in one status, longest in it first: the review queues. */
  listOldestInStatus(input: { status: ProjectStatus; limit: number; cursor?: string }): Promise<Page<QueuedProject>>;
  /** Ids of published projects whose deadline is before `today` (YYYY-MM-DD, today in Bishkek: `bishkekToday`), earliest first. */
  listPublishedPastDeadline(input: { today: string; limit: number }): Promise<string[]>;
}

/** Object storage (S3 in the cloud, s3rver locally). Keys are full object keys. */
export interface ObjectStorage {
  /** A URL to PUT one object with; the headers returned must be sent as they are. */
  presignPut(input: {
    key: string;
    contentType: string;
    contentLength: number;
    expiresInSeconds: number;
  }): Promise<{ url: string; headers: Record<string, string> }>;
  /**
   * A browser form's POST straight to the store (no JavaScript, no relay through a server): `url` and the `fields` to send as
   * hidden inputs before the file (named `file`, last). The policy pins the `key` exactly, the Content-Type (exact, or a
   * prefix such as `image/`), the size (1..maxSize bytes) and `redirect`, where the store sends the browser (303) after it.
   */
  presignPost(input: {
    key: string;
    contentType: { exact: string } | { startsWith: string; value: string };
    maxSize: number;
    redirect: string;
    expiresInSeconds: number;
  }): Promise<{ url: string; fields: Record<string, string> }>;
  /** A short-lived GET URL; with `download`, the store answers `Content-Disposition: attachment` with that file name. */
  presignGet(input: { key: string; expiresInSeconds: number; download?: string }): Promise<string>;
  head(key: string): Promise<{ size: number; contentType: string | undefined } | undefined>;
  /** The first `length` bytes (fewer if the object is shorter). */
  readStart(key: string, length: number): Promise<Uint8Array>;
  /** The whole object; undefined when there is none (e.g. deleted since a head). */
  read(key: string): Promise<Uint8Array | undefined>;
  put(input: { key: string; body: Uint8Array; contentType: string }): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The formats photos are taken in, by the names image libraries give them. */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** What an image's header declares, read without decoding a pixel: the library's format name ('jpeg', 'gif', ...) and size in pixels. */
export interface ImageHeader {
  format: string;
  width: number;
  height: number;
}

/** A photo made fit to serve. */
export interface CleanImage {
  /** In the upload's own format, turned upright by its EXIF orientation, in sRGB, with no metadata at all (EXIF, GPS, XMP, ICC, comments). */
  original: { body: Uint8Array; width: number; height: number };
  /** WebP copies, narrowest first, each at most its asked width; widths past the original's are left out (they would be the same). */
  copies: { body: Uint8Array; width: number }[];
}

/** Reads and re-encodes images (sharp/libvips in the adapter). The domain decides what is taken; this only does the work. */
export interface ImageProcessor {
  /**
   * The header of `image`, decoding no pixels. 'unreadable' when it is not an image header the library knows;
   * 'unavailable' where no image library could be loaded.
   */
  readHeader(image: Uint8Array): Promise<ImageHeader | 'unreadable' | 'unavailable'>;
  /**
   * Re-encodes `image` (the clean original and one copy per width) and decodes at most `maxPixels` pixels
   * (a second guard behind the header check). 'undecodable' when the pixels cannot be decoded (damaged,
   * truncated, or over `maxPixels`).
   */
  reencode(
    image: Uint8Array,
    options: { format: ImageFormat; widths: readonly number[]; maxPixels: number },
  ): Promise<CleanImage | 'undecodable'>;
}

export interface ProjectDeps {
  projects: ProjectStore;
  organisations: OrganisationStore;
  /** Reference data the proposals need: where a SOATE code sits (territory-rules.ts). */
  territories: TerritoryLookup;
  clock: Clock;
  newId(): string;
  /** Absent where no object storage is configured: upload routes then answer 409 saying so. */
  storage?: ObjectStorage;
  /**
   * Uploads' own ids and signing (uploads.ts, upload-return.ts): `newId` random in every call (plain `ulid()`, not the
   * monotonic newId above, whose ids made in one millisecond differ in their last character only, and draft photos under
   * /media/ are public to whoever knows a name); `proofKey` signs a no-JavaScript form's return address (uploadProofKey).
   * Set with `storage`; without it new uploads answer 409 like a missing store (completing one put by other means, as the
   * demo data does, needs neither).
   */
  uploadKeys?: { newId(): string; proofKey: Buffer };
  /** Absent (or 'unavailable') where no image library is present: photos are then refused (409), never served unprocessed. */
  images?: ImageProcessor;
  /**
   * Set where photos and documents are checked by the image function (IMAGE_PIPELINE=function, the cloud): completing
   * an upload reads its result marker, polling it after waiting `pollMs[i]` milliseconds each round (upload-checks.ts).
   */
  imageFunction?: { pollMs: readonly number[] };
  /** Emails after decisions (officers: staff decisions; supporters: project funded); none sent when absent. */
  notices?: FundedNoticeDeps;
  /**
   * Progress reports (issue 13): a project completes only when every milestone has a posted report, and becoming
   * funded marks its milestones due (the late queue). Absent in tests that do not move projects past funding.
   */
  progress?: Pick<ReportStore, 'reportedMilestones' | 'markDue' | 'unmarkDue'>;
}
