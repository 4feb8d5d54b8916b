import {
  IMAGE_LIMITS,
  PHOTO_WIDTHS,
  UPLOAD_EXTENSIONS,
  UPLOAD_LIMITS,
  type Attachment,
  type UploadContentType,
} from '@mekendesh/contracts';
import { conflictIn, invalidIn } from './errors.js';
import type { CleanImage, ImageFormat, ImageHeader, ImageProcessor, ObjectStorage } from './project-ports.js';
import { UPLOAD_MESSAGES as M } from './upload-messages.js';

const FORMAT_OF = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const satisfies Record<string, ImageFormat>;
export type ImageContentType = keyof typeof FORMAT_OF;

/** Whether files of this type are photos, which go through {@link cleanImage} before anything is served. */
export const isImageType = (type: string): type is ImageContentType => type in FORMAT_OF;

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

/**
 * The header rule of every image taken (issue 8): the header must be one of `format` and declare at most
 * {@link IMAGE_LIMITS} (40 megapixels, 10 000 pixels a side). Checked before a pixel is decoded.
 * @throws DomainError validation on field `file`, in ky/ru/en: unreadable header, other format, or too many pixels.
 * @example checkImageHeader({ format: 'png', width: 20_000, height: 20_000 }, 'png') // throws: 20000×20000 pixels
 */
export function checkImageHeader(header: ImageHeader | 'unreadable', format: ImageFormat): void {
  if (header === 'unreadable' || header.format !== format || !(header.width > 0 && header.height > 0))
    throw invalidIn('file', M.imageUnreadable);
  const { width, height } = header;
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    throw invalidIn('file', M.imageTooManyPixels(width, height));
  }
}

/**
 * The one way in for every uploaded image (project photos and covers now, report photos later): reads only
 * the header and refuses what {@link checkImageHeader} refuses, then re-encodes it (upright, sRGB, no EXIF,
 * GPS, XMP or ICC) with phone-sized WebP copies at {@link PHOTO_WIDTHS}, decoding at most
 * `IMAGE_LIMITS.maxPixels` pixels. Only what this returns may be served: never the bytes given to it.
 * @throws DomainError 409 (ky/ru/en) where no image library is present; 400 on `file` (ky/ru/en) for an
 *   unreadable, oversized or undecodable image.
 */
export async function cleanImage(images: ImageProcessor | undefined, bytes: Uint8Array, type: ImageContentType): Promise<CleanImage> {
  if (!images) throw conflictIn(M.noImageLibrary);
  const header = await images.readHeader(bytes);
  if (header === 'unavailable') throw conflictIn(M.noImageLibrary);
  checkImageHeader(header, FORMAT_OF[type]);
  const clean = await images.reencode(bytes, { format: FORMAT_OF[type], widths: PHOTO_WIDTHS, maxPixels: IMAGE_LIMITS.maxPixels });
  if (clean === 'undecodable') throw invalidIn('file', M.imageUndecodable);
  return clean;
}

/** An upload now served: the size of the served file in bytes, its WebP copies, and every object key written. */
export interface TakenUpload {
  /** What it is (a form's photo: what its bytes say) and the file name it is served under (its extension follows the type). */
  type: UploadContentType;
  name: string;
  size: number;
  variants: Attachment['variants'];
  servedKeys: string[];
}

/**
 * The Content-Type a browser form's photo is stored with: the form is signed before the file is chosen, so the type is
 * unknown then (the POST policy allows `image/` types); its magic bytes decide it when the upload is taken.
 */
export const FORM_PHOTO_TYPE = 'image/*';

/**
 * The type and served name of an upload of `name`, declared `declared`, whose bytes say `sniffed`: a form's photo (declared
 * {@link FORM_PHOTO_TYPE}, named `.jpg`) is whichever image type it is, named with that type's extension; anything else
 * keeps the type its name says. Undefined when the content differs from it.
 * @example servedAs({ name: '01j.jpg', type: 'image/jpeg' }, 'image/*', 'image/png') // { type: 'image/png', name: '01j.png' }
 */
function servedAs(
  upload: { name: string; type: UploadContentType },
  declared: string | undefined,
  sniffed: UploadContentType | undefined,
): { type: UploadContentType; name: string } | undefined {
  const formPhoto = isImageType(upload.type) && declared === FORM_PHOTO_TYPE && sniffed !== undefined && isImageType(sniffed);
  const type = formPhoto ? sniffed : upload.type;
  if (sniffed !== type) return undefined;
  return { type, name: `${upload.name.split('.')[0]}.${UPLOAD_EXTENSIONS[type]}` };
}

/** Which upload to take: where it was PUT, where each served file goes (by file name), its file name and its type. */
export interface UploadToTake {
  uploadedKey: string;
  servedKey: (name: string) => string;
  name: string;
  type: UploadContentType;
}

/**
 * Takes one file from the private key it was uploaded to (never served: its presigned PUT URL may still be
 * used) to the keys it is served from. Checks size and declared type (head), then reads it, checks size and
 * magic bytes again on what was read, and deletes the upload before going on, so nothing of it is kept
 * whatever follows. Photos are served as {@link cleanImage} makes them; documents as the bytes checked.
 * Copies are named `<name stem>-w<width>.webp`.
 * `leaveUpload` (the image function, upload-checks.ts): the upload is not deleted here, the caller deletes it once it
 * has recorded the outcome, so that an upload still there always means "not checked yet".
 * @throws DomainError 400 (ky/ru/en) on `key` (nothing uploaded), `size`, `contentType` or `file`; 409 where
 *   photos cannot be processed. On a throw no served object is left.
 */
export async function takeUpload(
  deps: { storage: ObjectStorage; images?: ImageProcessor | undefined },
  input: UploadToTake & { leaveUpload?: boolean },
): Promise<TakenUpload> {
  const { storage } = deps;
  const limit = UPLOAD_LIMITS[input.type];
  const head = await storage.head(input.uploadedKey);
  if (!head) throw invalidIn('key', M.nothingUploaded);
  const dropUpload = () => (input.leaveUpload ? Promise.resolve() : storage.delete(input.uploadedKey));
  const refuse = async (field: string, messages: Parameters<typeof invalidIn>[1]) => {
    await dropUpload();
    return invalidIn(field, messages);
  };
  if (head.size > limit) throw await refuse('size', M.tooLarge(input.type));
  if (head.contentType !== input.type && !(isImageType(input.type) && head.contentType === FORM_PHOTO_TYPE))
    throw await refuse('contentType', M.wrongContent(input.type, head.contentType));
  const bytes = await storage.read(input.uploadedKey);
  if (!bytes) throw invalidIn('key', M.nothingUploaded); // taken meanwhile by a concurrent completion
  await dropUpload();
  // The PUT URL may have been used again since the head: what was read is what is checked.
  if (bytes.length > limit) throw invalidIn('size', M.tooLarge(input.type));
  const as = servedAs(input, head.contentType, sniffContentType(bytes));
  if (!as) throw invalidIn('file', M.wrongContent(input.type, sniffContentType(bytes)));
  const served: CleanImage = isImageType(as.type)
    ? await cleanImage(deps.images, bytes, as.type)
    : { original: { body: bytes, width: 0, height: 0 }, copies: [] };
  return storeServed(storage, { ...input, ...as }, served);
}

async function storeServed(storage: ObjectStorage, input: UploadToTake, served: CleanImage): Promise<TakenUpload> {
  const servedKeys: string[] = [];
  const variants: Attachment['variants'] = [];
  const put = async (name: string, body: Uint8Array, contentType: string) => {
    const key = input.servedKey(name);
    servedKeys.push(key);
    await storage.put({ key, body, contentType });
  };
  try {
    await put(input.name, served.original.body, input.type);
    for (const copy of served.copies) {
      const name = `${input.name.split('.')[0]}-w${copy.width}.webp`;
      await put(name, copy.body, 'image/webp');
      variants.push({ width: copy.width, key: name });
    }
  } catch (e) {
    await discardServed(storage, servedKeys);
    throw e;
  }
  return { type: input.type, name: input.name, size: served.original.body.length, variants, servedKeys };
}

/** Deletes the served objects of an upload that was not attached after all; best effort, so the error that caused it is the one reported. */
export async function discardServed(storage: ObjectStorage, keys: readonly string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => storage.delete(key)));
}
