import type { CleanImage, ImageFormat, ImageProcessor } from '@mekendesh/domain/project-ports';

type Sharp = (typeof import('sharp'))['default'];
type Pipeline = ReturnType<Sharp>;

/** Quality of the re-encoded original (lossy formats) and of the phone-sized WebP copies. */
const ORIGINAL_QUALITY = 85;
const COPY_QUALITY = 78;

// sharp's default output keeps no metadata (EXIF, GPS, XMP, ICC, comments) and converts to sRGB; only the
// encoder is chosen here. Never add keepMetadata()/withMetadata(): the served original must stay clean.
const ENCODERS: Record<ImageFormat, (p: Pipeline) => Pipeline> = {
  jpeg: (p) => p.jpeg({ quality: ORIGINAL_QUALITY }),
  png: (p) => p.png(),
  webp: (p) => p.webp({ quality: ORIGINAL_QUALITY }),
};

/**
 * The domain's ImageProcessor on sharp (libvips, shipped as a prebuilt registry package), loaded on first
 * use. `readHeader` uses sharp's `metadata()`, which parses the header and decodes no pixel, with the pixel
 * limit lifted so the declared size can be reported; `reencode` decodes with `limitInputPixels` set to the
 * domain's limit (a second guard) and answers 'undecodable' for any input libvips cannot decode. Where the
 * native library is missing (e.g. a Lambda bundle without it) `readHeader` answers 'unavailable', and the
 * domain then takes no photo at all.
 * @example const images = sharpImages(); await images.readHeader(bytes) // { format: 'jpeg', width: 4032, height: 3024 }
 */
export function sharpImages(): ImageProcessor {
  let loading: Promise<Sharp | undefined> | undefined;
  const load = () =>
    (loading ??= import('sharp').then(
      (m) => m.default,
      () => undefined,
    ));
  return {
    async readHeader(image) {
      const sharp = await load();
      if (!sharp) return 'unavailable';
      try {
        const meta = await sharp(image, { limitInputPixels: false }).metadata();
        if (!meta.format || !meta.width || !meta.height) return 'unreadable';
        return { format: meta.format, width: meta.width, height: meta.height };
      } catch {
        return 'unreadable';
      }
    },
    async reencode(image, { format, widths, maxPixels }): Promise<CleanImage | 'undecodable'> {
      const sharp = await load();
      if (!sharp) return 'undecodable';
      try {
        // Upright first (EXIF orientation), since the orientation tag goes with the rest of the metadata.
        const upright = sharp(image, { limitInputPixels: maxPixels, autoOrient: true });
        const original = await ENCODERS[format](upright.clone()).toBuffer({ resolveWithObject: true });
        const copies: CleanImage['copies'] = [];
        for (const width of widths) {
          const copy = await upright
            .clone()
            .resize({ width, withoutEnlargement: true })
            .webp({ quality: COPY_QUALITY })
            .toBuffer({ resolveWithObject: true });
          copies.push({ body: new Uint8Array(copy.data), width: copy.info.width });
          if (copy.info.width < width) break; // the original is narrower: wider copies would be the same
        }
        return { original: { body: new Uint8Array(original.data), width: original.info.width, height: original.info.height }, copies };
      } catch {
        return 'undecodable';
      }
    },
  };
}
