import { type DemoProduct, en, gtin } from './demo-product.js';

const point = (title: ReturnType<typeof en>, body: ReturnType<typeof en>) => ({
  title,
  body,
  visibility: 'overt' as const,
});

/** The rest of the demo catalogue: enough products for search and scanning to show something. */
export const MORE_DEMO_PRODUCTS: DemoProduct[] = [
  {
    owner: 'Halvorsen Pharma AS',
    brand: 'Norvalin',
    product: {
      reference: 'NVL-1000-10',
      name: en(
        'Norvalin 1000 mg effervescent tablets, 10',
        'Norvalin 1000 mg comprimés effervescents, 10',
        'Norvalin 1000 mg comprimidos efervescentes, 10',
      ),
      category: 'analgesics',
      hsCodes: ['3004.90'],
      identifiers: [{ gtin: gtin('703821000102'), level: 'item' }],
      countriesOfManufacture: ['NO'],
      price: { min: 5.9, max: 8.5, currency: 'EUR' },
      guidePoints: [
        point(
          en('Tube with a child-resistant cap', 'Tube avec bouchon de sécurité enfant'),
          en(
            'Press down and turn; fakes use a plain snap cap.',
            'Appuyer et tourner ; les contrefaçons ont un simple bouchon à clipser.',
          ),
        ),
      ],
      indicators: [],
    },
    shares: { all: true },
  },
  {
    owner: 'Halvorsen Pharma AS',
    brand: 'Cardexa',
    product: {
      reference: 'CDX-5-28',
      name: en('Cardexa 5 mg tablets, 28', 'Cardexa 5 mg comprimés, 28', 'Cardexa 5 mg comprimidos, 28'),
      description: en(
        'Amlodipine 5 mg. Calendar blister, days printed in Norwegian and English.',
        'Amlodipine 5 mg. Plaquette calendrier, jours imprimés en norvégien et en anglais.',
      ),
      category: 'cardiovascular',
      hsCodes: ['3004.90'],
      identifiers: [{ gtin: gtin('703821000201'), level: 'item' }],
      countriesOfManufacture: ['NO'],
      price: { min: 9, max: 14, currency: 'EUR' },
      guidePoints: [
        point(
          en('2D DataMatrix with serial number', 'DataMatrix 2D avec numéro de série'),
          en(
            'Every pack carries a unique serial (AI 21) next to batch and expiry.',
            'Chaque boîte porte un numéro de série unique (IA 21) à côté du lot et de la péremption.',
          ),
        ),
      ],
      indicators: [
        {
          kind: 'source',
          text: en(
            'Sold by unlicensed online pharmacies',
            'Vendu par des pharmacies en ligne non autorisées',
          ),
        },
      ],
    },
    shares: { countries: ['FR', 'KE'] },
  },
  {
    owner: 'Halvorsen Pharma AS',
    brand: 'Pulmistat',
    product: {
      reference: 'PLM-INH-200',
      name: en(
        'Pulmistat inhaler, 200 doses',
        'Pulmistat inhalateur, 200 doses',
        'Pulmistat inhalador, 200 dosis',
      ),
      category: 'respiratory',
      hsCodes: ['3004.90'],
      identifiers: [{ gtin: gtin('703821000301'), level: 'item' }],
      countriesOfManufacture: ['SE'],
      price: { min: 18, max: 26, currency: 'EUR' },
      guidePoints: [
        point(
          en('Dose counter behind a window', 'Compteur de doses derrière une fenêtre'),
          en(
            'The counter starts at 200 and is recessed; fakes print the number on a sticker.',
            'Le compteur commence à 200 et est encastré ; les contrefaçons impriment le chiffre sur un autocollant.',
          ),
        ),
      ],
      indicators: [],
    },
    shares: { all: true },
  },
  {
    owner: 'Corvid Athletics Ltd',
    brand: 'Stridemark',
    product: {
      reference: 'SM-TRAIL-3',
      name: en(
        'Stridemark Trail 3 trail running shoe',
        'Chaussure de trail Stridemark Trail 3',
        'Zapatilla de trail Stridemark Trail 3',
      ),
      category: 'footwear',
      hsCodes: ['6404.11'],
      identifiers: [{ gtin: gtin('501234500027'), level: 'item' }],
      countriesOfManufacture: ['VN'],
      price: { min: 120, max: 150, currency: 'GBP' },
      guidePoints: [
        point(
          en('Reflective heel tab', 'Languette réfléchissante au talon'),
          en(
            'The tab reflects white light under a torch; fakes use grey print.',
            'La languette renvoie une lumière blanche sous une lampe ; les contrefaçons utilisent une impression grise.',
          ),
        ),
      ],
      indicators: [{ kind: 'price', text: en('Offered below GBP 40', 'Proposée à moins de 40 GBP') }],
    },
    shares: { countries: ['FR', 'KE'] },
  },
  {
    owner: 'Corvid Athletics Ltd',
    brand: 'Corvid',
    product: {
      reference: 'CV-HOOD-01',
      name: en(
        'Corvid crest hooded sweatshirt',
        'Sweat à capuche Corvid à écusson',
        'Sudadera con capucha Corvid con escudo',
      ),
      category: 'apparel',
      hsCodes: ['6110.20'],
      identifiers: [{ gtin: gtin('501234500034'), level: 'item' }],
      countriesOfManufacture: ['PT', 'TR'],
      price: { min: 55, max: 70, currency: 'GBP' },
      guidePoints: [
        point(
          en('Embroidered crest, 11 feathers', 'Écusson brodé, 11 plumes'),
          en(
            'Count the feathers: the genuine crest has eleven; fakes often have nine.',
            'Comptez les plumes : l’écusson authentique en a onze ; les contrefaçons souvent neuf.',
          ),
        ),
      ],
      indicators: [],
    },
    shares: { all: true },
  },
  {
    owner: 'Corvid Athletics Ltd',
    brand: 'CVX Pro',
    product: {
      reference: 'CVX-BALL-5',
      name: en(
        'CVX Pro match football, size 5',
        'Ballon de match CVX Pro, taille 5',
        'Balón de partido CVX Pro, talla 5',
      ),
      category: 'sporting goods',
      hsCodes: ['9506.62'],
      identifiers: [{ gtin: gtin('501234500041'), level: 'item' }],
      countriesOfManufacture: ['PK'],
      price: { min: 90, max: 120, currency: 'GBP' },
      guidePoints: [
        point(
          en('Thermally bonded panels', 'Panneaux thermocollés'),
          en(
            'No stitches are visible between the panels; fakes are hand-stitched.',
            'Aucune couture visible entre les panneaux ; les contrefaçons sont cousues main.',
          ),
        ),
      ],
      indicators: [],
    },
    shares: { countries: ['FR'] },
  },
];
