import { describe, expect, it } from 'vitest';
import { UPLOAD_MESSAGES as M } from './upload-messages.js';

describe('upload messages (issue 14 new-user review)', () => {
  it('says a photo is too big with the photo limit, a document with its own, in three languages', () => {
    expect(M.tooLarge('image/jpeg')).toEqual({
      ky: 'Файл өтө чоң: сүрөт 5 МБдан ашпашы керек. Кичирейтип, кайра жүктөңүз.',
      ru: 'Файл слишком большой: фото — не больше 5 МБ. Уменьшите его и загрузите снова.',
      en: 'The file is too big: photos can be up to 5 MB. Make it smaller and upload it again.',
    });
    expect(M.tooLarge('application/pdf').ru).toBe('Файл слишком большой: документ — не больше 10 МБ. Уменьшите его и загрузите снова.');
    expect(M.tooLarge('application/pdf').en).toContain('documents can be up to 10 MB');
  });

  it('names what the form wanted: not a photo in the photo form, not a PDF in the document form', () => {
    expect(M.wrongContent('image/jpeg', 'application/pdf').ru).toBe(
      'Это не фото (внутри другой формат, например PDF). Выберите JPEG, PNG или WebP.',
    );
    expect(M.wrongContent('image/jpeg').ky).toMatch(/^Бул сүрөт эмес/);
    expect(M.wrongContent('application/pdf', 'image/jpeg').ru).toBe('Это не PDF. Фото загружайте в поле «Фото» выше.');
    expect(M.wrongContent('application/pdf').en).toBe('This is not a PDF. Upload photos in the “Photo” field above.');
    // A PNG sent where a JPEG was declared is a photo all the same: the plain wording stays.
    expect(M.wrongContent('image/png', 'image/jpeg')).toBe(M.contentDiffers);
  });
});
