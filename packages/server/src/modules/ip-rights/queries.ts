import {
  type IpRightType,
  type RecordationStatus,
  type RecordationView,
  recordationExpiry,
} from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** `date` columns as `YYYY-MM-DD` text: neither driver then shifts them by a time zone. */
const dateText = (column: string) => sql<string | null>`${sql.ref(column)}::text`;

export function ipRightQuery(db: Db) {
  return db
    .selectFrom('ip_rights as r')
    .leftJoin('brands as b', 'b.id', 'r.brand_id')
    .select([
      'r.id',
      'r.organisation_id',
      'r.type',
      'r.registration_number',
      'r.office',
      'r.classes',
      'r.owner_name',
      dateText('r.valid_from').as('valid_from'),
      dateText('r.valid_to').as('valid_to'),
      'r.brand_id',
      'b.name as brand_name',
      'r.created_at',
      'r.certificate_type',
      'r.certificate_bytes',
      'r.certificate_uploaded_at',
      sql<number>`(select count(*)::int from recordations c where c.ip_right_id = r.id)`.as(
        'recordation_count',
      ),
    ]);
}

export type IpRightRecord = Awaited<ReturnType<ReturnType<typeof ipRightQuery>['executeTakeFirstOrThrow']>>;

export function toIpRightView(row: IpRightRecord) {
  return {
    id: row.id,
    type: row.type as IpRightType,
    registrationNumber: row.registration_number,
    office: row.office,
    classes: row.classes,
    ownerName: row.owner_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    brandId: row.brand_id,
    brandName: row.brand_name,
    recordationCount: row.recordation_count,
    certificate:
      row.certificate_type && row.certificate_uploaded_at
        ? {
            contentType: row.certificate_type,
            bytes: row.certificate_bytes ?? 0,
            uploadedAt: row.certificate_uploaded_at.toISOString(),
          }
        : null,
    createdAt: row.created_at.toISOString(),
  };
}

export function recordationQuery(db: Db) {
  return db
    .selectFrom('recordations as c')
    .leftJoin('ip_rights as r', 'r.id', 'c.ip_right_id')
    .select([
      'c.id',
      'c.organisation_id',
      'c.country_code',
      'c.reference',
      'c.status',
      dateText('c.valid_from').as('valid_from'),
      dateText('c.valid_to').as('valid_to'),
      'c.reminded_at',
      'c.created_at',
      'c.ip_right_id',
      'r.type as ip_right_type',
      'r.registration_number',
      'r.office',
    ]);
}

export type RecordationRecord = Awaited<
  ReturnType<ReturnType<typeof recordationQuery>['executeTakeFirstOrThrow']>
>;

/** The UTC calendar day of a moment, `YYYY-MM-DD`. */
export const dayOf = (moment: Date) => moment.toISOString().slice(0, 10);

export function toRecordationView(row: RecordationRecord, today: string): RecordationView {
  const status = row.status as RecordationStatus;
  return {
    id: row.id,
    countryCode: row.country_code,
    reference: row.reference,
    status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    ipRight:
      row.ip_right_id && row.ip_right_type
        ? {
            id: row.ip_right_id,
            type: row.ip_right_type as IpRightType,
            registrationNumber: row.registration_number!,
            office: row.office!,
          }
        : null,
    ...recordationExpiry(status, row.valid_to, today),
    remindedAt: row.reminded_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

const STATUS_RANK: Record<string, number> = { granted: 0, filed: 1, expired: 2, withdrawn: 3, refused: 4 };

/**
 * The IP rights behind a product, for its guide: those of its brand and those of no brand
 * (company-wide), each with the recordation in the reader's country — a granted one before a filed
 * one, the latest-ending first — or null.
 */
export async function ipRightsForGuide(
  db: Db,
  product: { organisationId: string; brandId: string },
  countryCode: string | null,
) {
  const rights = await ipRightQuery(db)
    .where('r.organisation_id', '=', product.organisationId)
    .where((eb) => eb.or([eb('r.brand_id', '=', product.brandId), eb('r.brand_id', 'is', null)]))
    .orderBy('r.type')
    .orderBy('r.office')
    .orderBy('r.registration_number')
    .execute();
  const recordations =
    rights.length && countryCode
      ? await recordationQuery(db)
          .where(
            'c.ip_right_id',
            'in',
            rights.map((right) => right.id),
          )
          .where('c.country_code', '=', countryCode)
          .execute()
      : [];
  return rights.map((right) => {
    const recordation = recordations
      .filter((row) => row.ip_right_id === right.id)
      .sort(
        (a, b) =>
          (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) ||
          (b.valid_to ?? '').localeCompare(a.valid_to ?? ''),
      )[0];
    return {
      id: right.id,
      type: right.type as IpRightType,
      registrationNumber: right.registration_number,
      office: right.office,
      classes: right.classes,
      ownerName: right.owner_name,
      validFrom: right.valid_from,
      validTo: right.valid_to,
      recordation: recordation
        ? {
            countryCode: recordation.country_code,
            reference: recordation.reference,
            status: recordation.status as RecordationStatus,
            validFrom: recordation.valid_from,
            validTo: recordation.valid_to,
          }
        : null,
    };
  });
}
