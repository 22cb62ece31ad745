import { gtinCheckDigit, type productBody } from '@assay/core';
import type { z } from 'zod';
import type { DemoDrawing } from './demo-images.js';

type ProductInput = z.input<typeof productBody>;

/** A GTIN with its check digit computed, from the digits before it. */
export const gtin = (body: string) => `${body}${gtinCheckDigit(body)}`;
/** Text entered in English with its French (and Spanish) translation. */
export const en = (text: string, fr: string, es?: string) => ({
  original: 'en',
  texts: { en: text, fr, ...(es ? { es } : {}) },
});

/** A product of the demo catalogue, who owns it, whom it is shared with and the pictures of its guide. */
export interface DemoProduct {
  owner: string;
  brand: string;
  product: Omit<ProductInput, 'brandId'>;
  /** Country codes, 'all', or enforcement organisation names (with covert points). */
  shares: { all?: boolean; countries?: string[]; organisationsWithCovert?: string[] };
  /** Genuine and counterfeit drawings beside guide points, by the point's position. */
  pictures?: Record<number, { genuine: DemoDrawing; counterfeit: DemoDrawing }>;
}
