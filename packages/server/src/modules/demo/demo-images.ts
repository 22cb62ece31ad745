import type { ImageKind } from '@assay/core';
import sharp from 'sharp';
import type { Db } from '../../db/database.js';
import type { BlobStorage } from '../../lib/storage.js';
import { processImage } from '../images/processing.js';
import { storeRenditions } from '../images/store.js';

/**
 * Drawings for the demo guides: a genuine feature next to its counterfeit, drawn from shapes only
 * (no text, so no font is needed) and stored through the same processing as an upload.
 */
export const DEMO_DRAWINGS = {
  /** Carton with a holographic seal that shifts from green to blue. */
  sealGenuine: pack(
    `<defs><linearGradient id="holo" x1="0" y1="0" x2="1" y2="1">
       <stop offset="0" stop-color="#1b9e5a"/><stop offset="0.5" stop-color="#5fd3c4"/><stop offset="1" stop-color="#2256c9"/>
     </linearGradient></defs>
     <circle cx="400" cy="300" r="90" fill="url(#holo)" stroke="#0b5d3b" stroke-width="6"/>
     <path d="M330 300 q35 -40 70 0 t70 0" fill="none" stroke="#fff" stroke-width="10" stroke-linecap="round"/>`,
    '#2e8b57',
  ),
  /** The fake: a flat silver foil, the wave printed off-centre. */
  sealCounterfeit: pack(
    `<circle cx="400" cy="300" r="90" fill="#b8bcc2" stroke="#8a8f96" stroke-width="6"/>
     <path d="M345 315 q35 -40 70 0 t70 0" fill="none" stroke="#e6e6e6" stroke-width="7" stroke-linecap="round"/>`,
    '#4f9a70',
  ),
  /** Woven tongue label: fine regular stitches. */
  labelGenuine: label('#14213d', 24, 0),
  /** Printed label: coarse, uneven stitches. */
  labelCounterfeit: label('#2b3a67', 12, 6),
} as const;

export type DemoDrawing = keyof typeof DEMO_DRAWINGS;

function pack(feature: string, band: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
    <rect width="800" height="600" fill="#eef1f4"/>
    <rect x="150" y="90" width="500" height="420" rx="18" fill="#ffffff" stroke="#c5ccd3" stroke-width="4"/>
    <rect x="150" y="430" width="500" height="50" fill="${band}"/>
    ${feature}
  </svg>`;
}

function label(colour: string, stitches: number, jitter: number): string {
  const marks = Array.from({ length: stitches }, (_, index) => {
    const x = 190 + (index * 420) / stitches;
    const wobble = jitter ? ((index * 7) % jitter) - jitter / 2 : 0;
    return `<rect x="${x}" y="${250 + wobble}" width="${300 / stitches}" height="${100 - wobble}" fill="#f4d35e"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
    <rect width="800" height="600" fill="#e9ecef"/>
    <rect x="170" y="200" width="460" height="200" rx="10" fill="${colour}"/>
    ${marks}
  </svg>`;
}

/** Render and store one drawing as an image of the rights holder; returns its id. */
export async function storeDemoImage(
  trx: Db,
  storage: BlobStorage,
  organisationId: string,
  drawing: DemoDrawing,
  kind: ImageKind,
): Promise<string> {
  const png = await sharp(Buffer.from(DEMO_DRAWINGS[drawing])).png().toBuffer();
  const row = await storeRenditions(storage, await processImage(png), {
    organisationId,
    kind,
    createdBy: null,
    createdAt: new Date(),
  });
  await trx.insertInto('images').values(row).execute();
  return row.id;
}
