import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../../http/errors.js';

export const IMAGE_LIMITS = {
  /** Images above this many pixels are refused before decoding: a small file can unpack to gigabytes. */
  maxInputPixels: 40_000_000,
  thumbnailPx: 320,
  displayPx: 1600,
  /** Longest side of an image printed in a PDF guide: about 300 dpi at half an A4 page's width. */
  printPx: 1000,
} as const;

/** Formats accepted, as sharp names them after reading the file's own bytes. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'gif']);
const ACCEPTED_NAMES = 'JPEG, PNG, WebP, AVIF/HEIF or GIF';

export interface Rendition {
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ProcessedImage {
  contentType: 'image/webp';
  thumbnail: Rendition;
  display: Rendition;
}

const unsupported = (message: string) =>
  new AppError(415, 'validation_failed', message, [{ path: 'file', message }]);
const corrupt = () =>
  new AppError(
    400,
    'validation_failed',
    'The image could not be read to the end: the file is truncated or corrupt',
    [{ path: 'file', message: 'Truncated or corrupt image' }],
  );

/**
 * Check an upload by its content and re-encode it: the original file is never kept. The image is
 * turned upright by its EXIF orientation, then written as WebP without any metadata (EXIF, GPS, XMP,
 * ICC profiles are dropped; colours are converted to sRGB) in a display size and a thumbnail.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  let metadata: Metadata;
  try {
    // Reads the header only: no pixel is decoded yet.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unsupported(`Not an image in a supported format: send ${ACCEPTED_NAMES}`);
  }
  if (!metadata.format || !ACCEPTED.has(metadata.format)) {
    throw unsupported(
      `Images in ${String(metadata.format).toUpperCase()} format are not accepted: send ${ACCEPTED_NAMES}`,
    );
  }
  if (metadata.format === 'heif' && metadata.compression !== 'av1') {
    throw unsupported('HEIC (HEVC-coded) images are not supported: send AVIF, JPEG, PNG or WebP');
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (!pixels) throw corrupt();
  if (pixels > IMAGE_LIMITS.maxInputPixels) {
    throw new AppError(
      413,
      'payload_too_large',
      `The image is ${metadata.width} × ${metadata.height} pixels: at most ${IMAGE_LIMITS.maxInputPixels / 1_000_000} megapixels are accepted`,
      { maxPixels: IMAGE_LIMITS.maxInputPixels },
    );
  }

  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await sharp(input, { limitInputPixels: IMAGE_LIMITS.maxInputPixels, failOn: 'error', pages: 1 })
      .autoOrient()
      .resize(IMAGE_LIMITS.displayPx, IMAGE_LIMITS.displayPx, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw corrupt();
  }
  const pixelsOf = () =>
    sharp(raw.data, {
      raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels },
    });
  const display = await pixelsOf().webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
  const thumbnail = await pixelsOf()
    .resize(IMAGE_LIMITS.thumbnailPx, IMAGE_LIMITS.thumbnailPx, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return {
    contentType: 'image/webp',
    display: { bytes: display.data, width: display.info.width, height: display.info.height },
    thumbnail: { bytes: thumbnail.data, width: thumbnail.info.width, height: thumbnail.info.height },
  };
}

/** A stored rendition as JPEG for a PDF (pdfkit embeds JPEG and PNG only), flattened on white. */
export async function printableJpeg(stored: Buffer): Promise<Buffer> {
  return sharp(stored)
    .resize(IMAGE_LIMITS.printPx, IMAGE_LIMITS.printPx, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}
