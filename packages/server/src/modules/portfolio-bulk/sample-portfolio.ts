import { gtinCheckDigit, type ProductBody } from '@assay/core';
import type { Portfolio } from './queries.js';

/**
 * A synthetic portfolio of any size for tests and benchmarks: fictional brands, real HS codes and
 * GTINs with valid check digits in the GS1 restricted-circulation range (prefix 20–29), which no
 * company's products carry.
 */

const BRANDS = [
  { name: 'Velmora', categories: ['footwear'], hsCode: '6403.99', aliases: ['VLM'] },
  { name: 'Quillon Leather', categories: ['handbags'], hsCode: '4202.21', aliases: ['QL', 'Quillon'] },
  { name: 'Norvalin', categories: ['analgesics'], hsCode: '3004.90', aliases: ['NVL'] },
  { name: 'Astrelle Parfums', categories: ['perfumes'], hsCode: '3303.00', aliases: [] },
  { name: 'Tessaly', categories: ['watches'], hsCode: '9102.11', aliases: ['Tessaly Watches'] },
  { name: 'Brightwave', categories: ['phones', 'batteries'], hsCode: '8517.13', aliases: ['BW'] },
] as const;

const text = (en: string, fr: string) => ({ original: 'en', texts: { en, fr } });

/** A GTIN-13 (item) and the GTIN-14 of its case, both with their check digits. */
export function sampleGtins(index: number): { item: string; case: string } {
  const body = `20${String(index).padStart(10, '0')}`;
  const item = `${body}${gtinCheckDigit(body)}`;
  const caseBody = `1${body}`;
  return { item, case: `${caseBody}${gtinCheckDigit(caseBody)}` };
}

export const sampleReference = (index: number) => `SKU-${String(index).padStart(5, '0')}`;

export function sampleProduct(index: number): { brandName: string; body: ProductBody } {
  const brand = BRANDS[index % BRANDS.length]!;
  const gtins = sampleGtins(index);
  return {
    brandName: brand.name,
    body: {
      brandId: '00000000-0000-4000-8000-000000000000',
      reference: sampleReference(index),
      name: text(`${brand.name} model ${index}`, `${brand.name} modèle ${index}`),
      description: text(
        `Genuine ${brand.categories[0]} sold in a printed box.`,
        `Produit authentique, boîte imprimée.`,
      ),
      category: brand.categories[0],
      hsCodes: [brand.hsCode.replace('.', '')],
      identifiers: [
        { gtin: gtins.item.padStart(14, '0'), level: 'item' },
        { gtin: gtins.case, level: 'case' },
      ],
      countriesOfManufacture: [['IT', 'PT', 'DE', 'NO'][index % 4]!],
      dimensionsMm: { length: 100 + (index % 50), width: 60, height: 30 },
      weightG: 250 + (index % 100),
      price: { min: 20 + (index % 30), max: 45.5 + (index % 30), currency: 'EUR' },
      status: 'active',
      guidePoints: [
        {
          title: text('Stitching', 'Coutures'),
          body: text(
            'Twelve stitches per inch, even and tight.',
            'Douze points par pouce, réguliers et serrés.',
          ),
          visibility: 'overt',
        },
        {
          title: text('Hidden serial', 'Numéro caché'),
          body: text(`Under UV light the lining shows ${index}.`, `Sous UV, la doublure montre ${index}.`),
          visibility: 'covert',
        },
      ],
      indicators: [
        {
          kind: 'price',
          text: text('Sold online far below the usual price', 'Vendu en ligne très en dessous du prix'),
        },
      ],
    },
  };
}

/** `count` products over six fictional brands, each with two GTINs, two guide points and an indicator. */
export function samplePortfolio(count: number): Portfolio {
  return {
    brands: BRANDS.map((brand, index) => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      name: brand.name,
      aliases: [...brand.aliases],
      categories: [...brand.categories],
    })),
    products: Array.from({ length: count }, (_, index) => ({ id: '', ...sampleProduct(index) })),
  };
}
