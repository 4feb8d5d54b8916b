import { z } from 'zod';
import { line, TEXT_LIMITS } from './text.js';

/** What may be uploaded, and the largest file of each type, in bytes. */
export const UPLOAD_LIMITS = {
  'image/jpeg': 5 * 1024 * 1024,
  'image/png': 5 * 1024 * 1024,
  'image/webp': 5 * 1024 * 1024,
  'application/pdf': 10 * 1024 * 1024,
} as const;
export type UploadContentType = keyof typeof UPLOAD_LIMITS;
export const UPLOAD_CONTENT_TYPES = Object.keys(UPLOAD_LIMITS) as [UploadContentType, ...UploadContentType[]];
export const UploadContentTypeSchema = z.enum(UPLOAD_CONTENT_TYPES);

/** File name extension of each allowed type: object names carry it, so a name says its type. */
export const UPLOAD_EXTENSIONS: Readonly<Record<UploadContentType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * The largest photo taken, by the size its header declares (read before any pixel is decoded): at most
 * `maxPixels` pixels in all and `maxSide` on either side. A 40-megapixel bitmap is 160 MB decoded, well
 * within the API function's 1024 MB; phone cameras save 12-24 megapixels by default. Rule from issue 8
 * (a 69-byte PNG declaring 20000x20000 pixels would unpack to 1.6 GB).
 */
export const IMAGE_LIMITS = { maxPixels: 40_000_000, maxSide: 10_000 } as const;

/** Widths of the resized copies of a photo, for phones and for sharing previews. */
export const PHOTO_WIDTHS = [320, 640, 1280] as const;

/** An object name within a project: a ULID and the extension of its type. */
export const AttachmentKeySchema = z
  .string()
  .max(31)
  .regex(/^[0-9a-z]{26}\.(jpg|png|webp|pdf)$/, 'an upload key as returned by the upload request');

export const AttachmentSchema = z
  .object({
    key: AttachmentKeySchema,
    kind: z.enum(['photo', 'document']),
    contentType: UploadContentTypeSchema,
    size: z.number().int().positive(),
    fileName: z.string().nullable(),
    /** Resized WebP copies of a photo (none for documents, or where resizing is not available). */
    variants: z.array(z.object({ width: z.number().int().positive(), key: z.string() })),
    /** Where the file is served: the API answers with a redirect to a short-lived object URL. */
    url: z.string(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Asks for a presigned PUT URL; the type and size are checked before any URL is given. */
export const UploadRequestSchema = z
  .object({
    contentType: z.string().max(100),
    size: z.number().int().positive(),
    fileName: line(TEXT_LIMITS.fileName).optional(),
  })
  .strict()
  .meta({ id: 'UploadRequest' });
export type UploadRequest = z.infer<typeof UploadRequestSchema>;

export const UploadTicketSchema = z
  .object({
    key: AttachmentKeySchema,
    url: z.string(),
    method: z.literal('PUT'),
    /** Send exactly these headers with the PUT. */
    headers: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
    maxSize: z.number().int().positive(),
  })
  .meta({ id: 'UploadTicket' });
export type UploadTicket = z.infer<typeof UploadTicketSchema>;

/** What a no-JavaScript upload form is for: the proposal's cover photo, a report's photo, a disbursement's PDF document. */
export const UPLOAD_FORM_PURPOSES = ['cover', 'report', 'document'] as const;
export type UploadFormPurpose = (typeof UPLOAD_FORM_PURPOSES)[number];

/**
 * Asks for a browser form that POSTs one file straight to the object store (no JavaScript): `photo` takes a JPEG, PNG or
 * WebP photo, `document` a PDF. `redirectPath` is where on the web origin the store sends the browser after the upload:
 * only the project's own return page, `/<ky|ru|en>/organisation/projects/<id>/uploaded` with an optional
 * `?purpose=<cover|report|document>` (anything else 400); the API rebuilds it from those parts and adds `upload=<key>`,
 * `expires` and `proof` (the return proof the page hands back to complete).
 */
export const UploadFormRequestSchema = z
  .object({
    kind: z.enum(['photo', 'document']),
    redirectPath: z
      .string()
      .max(500)
      .regex(/^\/(?![/\\])[^\s\\#]*$/, 'a path on this site, starting with one /'),
  })
  .strict()
  .meta({ id: 'UploadFormRequest' });
export type UploadFormRequest = z.infer<typeof UploadFormRequestSchema>;

/** A presigned POST: a form with action `url`, these `fields` as hidden inputs, then the file input named `file`, last. */
export const UploadFormSchema = z
  .object({
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    key: AttachmentKeySchema,
    expiresAt: z.iso.datetime(),
    maxSize: z.number().int().positive(),
  })
  .meta({ id: 'UploadForm' });
export type UploadForm = z.infer<typeof UploadFormSchema>;

/**
 * Completes an upload. A no-JavaScript form's return page also sends what the API signed into the form's return address
 * (`purpose`, `expires` in Unix seconds, `proof`): completing then requires them to match, so a link made elsewhere that
 * opens that page completes nothing.
 */
export const UploadCompleteSchema = z
  .object({
    cover: z.boolean().optional(),
    fileName: line(TEXT_LIMITS.fileName).optional(),
    purpose: z.enum(UPLOAD_FORM_PURPOSES).optional(),
    expires: z.number().int().positive().optional(),
    proof: z.string().max(100).optional(),
  })
  .strict()
  .meta({ id: 'UploadComplete' });
export type UploadComplete = z.infer<typeof UploadCompleteSchema>;
