import type { Attachment, Project } from '@mekendesh/contracts';
import { invalidIn } from './errors.js';

/**
 * Report photos and disbursement documents are uploaded to the project like its own files (uploads.ts: the same type,
 * size and image checks, photos re-encoded without metadata, `project.attach` audited), then named here by key.
 */

const NOT_UPLOADED = {
  ky: 'Мындай файл бул долбоорго жүктөлгөн эмес',
  ru: 'Такой файл не загружен в этот проект',
  en: 'no such file was uploaded to this project',
};

/** The project's photos with these keys, in the order given; 400 on `photoKeys` when one is not a photo of it. */
export function photosOf(project: Pick<Project, 'attachments'>, keys: readonly string[]): Attachment[] {
  const byKey = new Map((project.attachments ?? []).map((a) => [a.key, a]));
  return [...new Set(keys)].map((key) => {
    const found = byKey.get(key);
    if (!found || found.kind !== 'photo') throw invalidIn('photoKeys', NOT_UPLOADED);
    return found;
  });
}

/** The project's file with this key (a photo or a document, e.g. a receipt's scan); 400 on `documentKey` otherwise. */
export function documentOf(project: Pick<Project, 'attachments'>, key: string): Attachment {
  const found = (project.attachments ?? []).find((a) => a.key === key);
  if (!found) throw invalidIn('documentKey', NOT_UPLOADED);
  return found;
}
