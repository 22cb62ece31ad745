import { z } from 'zod';
import { ERROR_CODES } from './common.js';

/** One bad cell or row of an imported workbook, located the way a spreadsheet user finds it. */
export const portfolioImportIssue = z
  .object({
    /** Sheet name as in the workbook (`Products` for a CSV file). */
    sheet: z.string(),
    /** Spreadsheet row number: the header is line 1, the first data row line 2. */
    line: z.number().int(),
    /** Column header (e.g. `name_en`, `gtin`), or the sheet name when the whole sheet is at fault. */
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: 'PortfolioImportIssue' });
export type PortfolioImportIssue = z.infer<typeof portfolioImportIssue>;

/** At most this many issues are reported for one file; `truncated` says when there were more. */
export const PORTFOLIO_IMPORT_ISSUES_MAX = 1000;

const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows identical to what the portfolio already holds: nothing was written for them. */
  unchanged: z.number().int(),
});

export const portfolioImportResult = z
  .object({ brands: counts, products: counts })
  .meta({ id: 'PortfolioImportResult' });
export type PortfolioImportResult = z.infer<typeof portfolioImportResult>;

/**
 * A refused import (nothing was written): every bad row in `details` — or, for a request that is not
 * a portfolio file at all, the usual error body.
 */
export const portfolioImportError = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.union([z.array(portfolioImportIssue), z.unknown()]).optional(),
      /** More than {@link PORTFOLIO_IMPORT_ISSUES_MAX} issues were found: only the first ones are listed. */
      truncated: z.boolean().optional(),
    }),
  })
  .meta({ id: 'PortfolioImportError' });
export type PortfolioImportError = z.infer<typeof portfolioImportError>;
