import type { ProductSummary } from '../../api/endpoints';

/**
 * Whether a product matches every word of the filter: in its name, brand, category or reference,
 * or — for digits, spaced or not, as read off a barcode — inside one of its GTINs.
 */
export function matchesFilter(product: ProductSummary, filter: string): boolean {
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const digits = filter.replace(/[\s-]/g, '');
  if (/^\d{3,}$/.test(digits) && product.gtins.some((gtin) => gtin.includes(digits))) return true;
  const haystack = [product.name, product.brandName, product.category, product.reference]
    .join(' ')
    .toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}
