import {
  type Actor,
  type LocalisedText,
  PORTFOLIO_IMPORT_ISSUES_MAX,
  type PortfolioImportIssue,
  type PortfolioImportResult,
  type ProductBody,
} from '@assay/core';
import type { Db } from '../../db/database.js';
import { conflict } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import { CSV_GTINS_COLUMN } from './layout.js';
import { type ImportPlan, type PlannedProduct, planImport } from './plan.js';
import { loadPortfolio, lockPortfolio, type Portfolio, type PortfolioProduct } from './queries.js';
import { readPortfolioFile } from './read-file.js';
import { portfolioCsv, portfolioWorkbook } from './write-file.js';

export type BulkFormat = 'xlsx' | 'csv';

export type ImportOutcome =
  | { ok: true; result: PortfolioImportResult }
  | { ok: false; message: string; details: PortfolioImportIssue[]; truncated: boolean };

const EMPTY_PORTFOLIO: Portfolio = { brands: [], products: [] };

/** Texts with their languages in a stable order, so that equal texts compare equal. */
function sortedText(text: LocalisedText | undefined) {
  if (!text) return null;
  return {
    original: text.original,
    texts: Object.entries(text.texts).sort(([a], [b]) => a.localeCompare(b)),
  };
}

/**
 * What a product holds, in a form where equal products give equal strings: a file row identical to
 * the stored product is not written again (its `updated_at` stays as it was).
 */
export function productFingerprint(body: ProductBody): string {
  const cents = (value: number) => Math.round(value * 100);
  return JSON.stringify([
    body.brandId,
    body.reference,
    sortedText(body.name),
    sortedText(body.description),
    sortedText(body.packaging),
    body.category,
    body.hsCodes,
    body.identifiers.map((i) => `${i.level}:${i.gtin}`).sort(),
    body.countriesOfManufacture,
    body.dimensionsMm ? [body.dimensionsMm.length, body.dimensionsMm.width, body.dimensionsMm.height] : null,
    body.weightG ?? null,
    body.price ? [cents(body.price.min), cents(body.price.max), body.price.currency] : null,
    body.status,
    body.guidePoints.map((point) => [
      sortedText(point.title),
      sortedText(point.body),
      point.visibility,
      point.genuineImageId ?? null,
      point.counterfeitImageId ?? null,
    ]),
    body.indicators.map((indicator) => JSON.stringify([indicator.kind, sortedText(indicator.text)])).sort(),
    (body.images ?? []).map((image) => [image.imageId, image.kind]),
  ]);
}

type GuidePoint = ProductBody['guidePoints'][number];

/**
 * Guide points of a file keep the images of the stored points they replace: the stored point with
 * the same title, else the one at the same position (unless another point took it by title).
 */
export function withStoredImages(points: GuidePoint[], stored: GuidePoint[]): GuidePoint[] {
  const title = (point: GuidePoint) => JSON.stringify(sortedText(point.title));
  const taken = new Set<number>();
  const match = points.map((point) => {
    const index = stored.findIndex((candidate, i) => !taken.has(i) && title(candidate) === title(point));
    if (index >= 0) taken.add(index);
    return index;
  });
  return points.map((point, i) => {
    let index = match[i]!;
    if (index < 0 && i < stored.length && !taken.has(i)) {
      index = i;
      taken.add(i);
    }
    const source = stored[index];
    return {
      ...point,
      genuineImageId: source?.genuineImageId ?? null,
      counterfeitImageId: source?.counterfeitImageId ?? null,
    };
  });
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Import and export of a whole portfolio as an XLSX workbook or a CSV file. Products are written
 * through the portfolio's own write path, brands and products matched by name and reference.
 */
export function createPortfolioBulkService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder' | 'writeProduct'>;
}) {
  const { db, clock, portfolio } = deps;

  /** The problems only the stored portfolio reveals: unknown brands, GTINs of other products. */
  function checkAgainst(plan: ImportPlan, stored: Portfolio): void {
    const brandNames = new Set([
      ...stored.brands.map((b) => b.name),
      ...(plan.brands ?? []).map((b) => b.name),
    ]);
    const lowerCase = new Map([...brandNames].map((name) => [name.toLowerCase(), name]));
    for (const product of plan.products) {
      if (brandNames.has(product.brandName)) continue;
      const near = lowerCase.get(product.brandName.toLowerCase());
      plan.issues.at(
        { sheet: 'products', line: product.line, field: 'brand' },
        near
          ? `No brand "${product.brandName}": did you mean "${near}"?`
          : `No brand "${product.brandName}" in the Brands sheet or in this portfolio`,
      );
    }
    const inFile = new Set(plan.products.map((p) => p.body.reference));
    const owners = new Map<string, string>();
    for (const { body } of stored.products) {
      if (inFile.has(body.reference)) continue;
      for (const identifier of body.identifiers) owners.set(identifier.gtin, body.reference);
    }
    for (const product of plan.products) {
      if (!product.gives.identifiers) continue;
      product.body.identifiers.forEach((identifier, index) => {
        const owner = owners.get(identifier.gtin);
        const ref = product.identifierRefs[index];
        if (owner && ref)
          plan.issues.at(
            ref,
            `${ref.field === CSV_GTINS_COLUMN.header ? `${identifier.gtin}: ` : ''}This GTIN belongs to product "${owner}" of this portfolio`,
          );
      });
    }
  }

  /**
   * The product body to write: the file's, completed with what the file does not carry — parts
   * left out of it (a CSV file has no guide points) and images, which a file never carries.
   */
  function bodyToWrite(
    planned: PlannedProduct,
    brandId: string,
    existing: PortfolioProduct | undefined,
  ): ProductBody {
    const stored = existing?.body;
    return {
      ...planned.body,
      brandId,
      identifiers: planned.gives.identifiers ? planned.body.identifiers : (stored?.identifiers ?? []),
      guidePoints: planned.gives.guidePoints
        ? withStoredImages(planned.body.guidePoints, stored?.guidePoints ?? [])
        : (stored?.guidePoints ?? []),
      indicators: planned.gives.indicators ? planned.body.indicators : (stored?.indicators ?? []),
      images: stored?.images ?? [],
    };
  }

  async function write(trx: Db, rightsHolderId: string, plan: ImportPlan, stored: Portfolio) {
    const result: PortfolioImportResult = {
      brands: { created: 0, updated: 0, unchanged: 0 },
      products: { created: 0, updated: 0, unchanged: 0 },
    };
    const brandIds = new Map(stored.brands.map((brand) => [brand.name, brand.id]));
    for (const brand of plan.brands ?? []) {
      const existing = stored.brands.find((b) => b.name === brand.name);
      const values = { aliases: brand.aliases, categories: brand.categories, updated_at: clock.now() };
      if (!existing) {
        const row = await trx
          .insertInto('brands')
          .values({ ...values, name: brand.name, organisation_id: rightsHolderId })
          .returning('id')
          .executeTakeFirstOrThrow();
        brandIds.set(brand.name, row.id);
        result.brands.created++;
      } else if (
        sameList(existing.aliases, brand.aliases) &&
        sameList(existing.categories, brand.categories)
      ) {
        result.brands.unchanged++;
      } else {
        await trx.updateTable('brands').set(values).where('id', '=', existing.id).execute();
        result.brands.updated++;
      }
    }

    const storedByReference = new Map(stored.products.map((product) => [product.body.reference, product]));
    const changes = plan.products.flatMap((planned) => {
      const existing = storedByReference.get(planned.body.reference);
      const body = bodyToWrite(planned, brandIds.get(planned.brandName)!, existing);
      if (existing && productFingerprint(existing.body) === productFingerprint(body)) {
        result.products.unchanged++;
        return [];
      }
      return [{ existingId: existing?.id ?? null, body }];
    });
    // A GTIN may move from one product of the file to another: the products' old GTINs go first.
    const rewritten = changes.flatMap((change) => change.existingId ?? []);
    for (let start = 0; start < rewritten.length; start += 1000) {
      await trx
        .deleteFrom('product_identifiers')
        .where('product_id', 'in', rewritten.slice(start, start + 1000))
        .execute();
    }
    for (const change of changes) {
      await portfolio.writeProduct(trx, rightsHolderId, change.existingId, change.body);
      result.products[change.existingId ? 'updated' : 'created']++;
    }
    return result;
  }

  return {
    /** An empty workbook or CSV file with every column, notes on each and drop-down lists. */
    async template(actor: Actor, rightsHolderId: string, format: BulkFormat): Promise<Buffer> {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return format === 'xlsx' ? portfolioWorkbook(EMPTY_PORTFOLIO) : portfolioCsv(EMPTY_PORTFOLIO);
    },

    async export(actor: Actor, rightsHolderId: string, format: BulkFormat): Promise<Buffer> {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const stored = await loadPortfolio(db, rightsHolderId);
      return format === 'xlsx' ? portfolioWorkbook(stored) : portfolioCsv(stored);
    },

    /**
     * Imports a whole file or nothing: every row is checked first, and any problem refuses the
     * file with the list of problems. One transaction, one audit event.
     */
    async import(
      actor: Actor,
      rightsHolderId: string,
      bytes: Buffer,
      ip: string | null,
    ): Promise<ImportOutcome> {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const file = await readPortfolioFile(bytes);
      const plan = planImport(file);
      return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
        await lockPortfolio(trx, rightsHolderId);
        const stored = await loadPortfolio(trx, rightsHolderId);
        checkAgainst(plan, stored);
        if (plan.issues.size) {
          const details = plan.issues.sorted();
          return {
            ok: false,
            message: `${details.length.toLocaleString('en')} ${details.length === 1 ? 'problem' : 'problems'} in the file: nothing was imported`,
            details: details.slice(0, PORTFOLIO_IMPORT_ISSUES_MAX),
            truncated: details.length > PORTFOLIO_IMPORT_ISSUES_MAX,
          };
        }
        const result = await write(trx, rightsHolderId, plan, stored).catch((error: unknown) => {
          // Only a change made beside the import (a product saved meanwhile) can break a unique key here.
          if ((error as { code?: unknown }).code === '23505')
            throw conflict(
              'The portfolio changed while the file was imported: nothing was imported, try again',
            );
          throw error;
        });
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: rightsHolderId,
          action: 'portfolio.imported',
          target_type: 'organisation',
          target_id: rightsHolderId,
          ip,
          details: { format: plan.format, ...result },
        });
        return { ok: true, result };
      });
    },
  };
}

export type PortfolioBulkService = ReturnType<typeof createPortfolioBulkService>;
