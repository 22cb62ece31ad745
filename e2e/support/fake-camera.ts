// A video file for Chromium's fake camera showing one barcode, still, centred on white: what a phone
// held over a pack on the inspection bench sees, without a camera.
import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js';

export interface BarcodeVideoOptions {
  /** A bwip-js symbology, e.g. `gs1datamatrix` (text in bracketed AI form) or `ean13`. */
  symbology: string;
  text: string;
  /** Frame size; the default 640×480 is what Chromium's fake device asks for. */
  width?: number;
  height?: number;
  /** Pixels per module of a 2D symbol. */
  moduleSize?: number;
  /** Identical frames in the file (Chromium loops the file). */
  frames?: number;
}

/** The barcode's modules as a bitmap: `dark(x, y)` for each pixel of the symbol at `moduleSize`. */
function symbolBitmap(symbology: string, text: string, moduleSize: number) {
  const [symbol] = bwipjs.raw({ bcid: symbology, text });
  if (!symbol || !('pixs' in symbol)) throw new Error(`${symbology} is not a matrix symbology`);
  const { pixs, pixx, pixy } = symbol;
  return {
    width: pixx * moduleSize,
    height: pixy * moduleSize,
    dark: (x: number, y: number) =>
      pixs[Math.floor(y / moduleSize) * pixx + Math.floor(x / moduleSize)] === 1,
  };
}

/**
 * Writes a YUV4MPEG2 file (4:2:0, the format `--use-file-for-fake-video-capture` reads) showing the
 * barcode in black on white at the centre of each frame.
 */
export function writeBarcodeVideo(file: string, options: BarcodeVideoOptions): void {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const frames = options.frames ?? 5;
  const symbol = symbolBitmap(options.symbology, options.text, options.moduleSize ?? 10);
  if (symbol.width > width || symbol.height > height) throw new Error('The barcode does not fit the frame');

  // Luma: white (235 in video range) with the symbol in black (16); chroma neutral (128).
  const luma = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - symbol.width) / 2);
  const top = Math.floor((height - symbol.height) / 2);
  for (let y = 0; y < symbol.height; y++) {
    for (let x = 0; x < symbol.width; x++) {
      if (symbol.dark(x, y)) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** Chromium switches that give pages a camera showing `videoFile`, granted without asking. */
export function fakeCameraArgs(videoFile: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ];
}
