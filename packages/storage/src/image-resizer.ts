import type { ImageResizer } from '@mekendesh/domain';

type Sharp = (typeof import('sharp'))['default'];

/** Caps the pixels sharp will decode, so a small file that unpacks to a huge bitmap cannot exhaust memory. */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Resizes with sharp (libvips, shipped as a prebuilt registry package), loaded on first use. Where the
 * native library is missing (e.g. a Lambda bundle without it) every resize answers undefined and photos are
 * served as uploaded.
 */
export function sharpResizer(): ImageResizer {
  let loading: Promise<Sharp | undefined> | undefined;
  const load = () => (loading ??= import('sharp').then((m) => m.default, () => undefined));
  return {
    async resize(image, width) {
      const sharp = await load();
      if (!sharp) return undefined;
      const { data, info } = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer({ resolveWithObject: true });
      return { body: new Uint8Array(data), width: info.width };
    },
  };
}
