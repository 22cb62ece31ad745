import { describe, expect, it } from 'vitest';
import { matchesFilter } from './catalogue-filter';

const product = {
  id: '7e57c0de-0000-4000-8000-000000000001',
  reference: 'NVL-500-20',
  name: 'Norvalin 500 mg comprimés',
  nameLanguage: 'fr',
  brandName: 'Norvalin',
  category: 'analgesics',
  status: 'active' as const,
  gtins: ['07038210001015', '17038210001012'],
};

describe('matchesFilter', () => {
  it.each(['', 'norvalin', 'COMPRIMÉS 500', 'analgesics', 'nvl-500'])('finds the product by %j', (filter) => {
    expect(matchesFilter(product, filter)).toBe(true);
  });

  it.each(['7038210001015', '7 038210 001015', '703-821'])('finds it by GTIN digits %j', (filter) => {
    expect(matchesFilter(product, filter)).toBe(true);
  });

  it.each(['stridemark', 'norvalin footwear', '5012345'])('leaves it out for %j', (filter) => {
    expect(matchesFilter(product, filter)).toBe(false);
  });
});
