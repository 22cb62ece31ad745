import type { Db } from '../../db/database.js';
import { type SerialHasher, serialHint } from '../authentication/serial-hash.js';
import { gtin } from './demo-product.js';

/**
 * Serialised Norvalin packs in Halvorsen Pharma's hosted registry, a Digital Link resolver for the
 * CVX Pro brand of Corvid Athletics, and some weeks of verifications so the rights holder's map and
 * timeline are not empty. Scan `(01)07038210001015(17)281031(10)NV2611A(21)NVL0000001` as the
 * French officer (genuine), then as the Kenyan officer (possible clone).
 */
export const DEMO_SERIALISED = {
  gtin: `0${gtin('703821000101')}`,
  batch: 'NV2611A',
  expiry: '2028-10-31',
  genuineSerial: 'NVL0000001',
  /** Serials 1–40 are active, 41 recalled, 42 stolen, 43 destroyed, 44–45 for the Norwegian market only. */
  count: 45,
} as const;

const DAY_MS = 86_400_000;

function packState(index: number) {
  if (index === 41) return 'recalled';
  if (index === 42) return 'stolen';
  if (index === 43) return 'destroyed';
  return 'active';
}

export async function seedDemoAuthentication(
  trx: Db,
  organisationIds: Map<string, string>,
  hasher: SerialHasher,
  now = new Date(),
): Promise<void> {
  const halvorsen = organisationIds.get('Halvorsen Pharma AS')!;
  const corvid = organisationIds.get('Corvid Athletics Ltd')!;
  const brandId = async (organisationId: string, name: string) =>
    (
      await trx
        .selectFrom('brands')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const norvalin = await brandId(halvorsen, 'Norvalin');
  const serials = Array.from({ length: DEMO_SERIALISED.count }, (_, offset) => {
    const index = offset + 1;
    return {
      serial: `NVL${String(index).padStart(7, '0')}`,
      state: packState(index),
      intendedMarkets: index >= 44 ? ['NO'] : [],
    } as const;
  });
  const counts: Record<string, number> = {};
  for (const { state } of serials) counts[state] = (counts[state] ?? 0) + 1;
  const { id: registryId } = await trx
    .insertInto('authentication_connectors')
    .values({
      rights_holder_id: halvorsen,
      kind: 'registry',
      name: 'Norvalin packaging lines (EU FMD serials)',
      brand_id: norvalin,
      serial_counts: JSON.stringify(counts) as unknown as Record<string, number>,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('registered_serials')
    .values(
      serials.map(({ serial, state, intendedMarkets }) => ({
        serial_hash: hasher.hash(halvorsen, DEMO_SERIALISED.gtin, serial),
        connector_id: registryId,
        gtin: DEMO_SERIALISED.gtin,
        batch: DEMO_SERIALISED.batch,
        expiry: DEMO_SERIALISED.expiry,
        intended_markets: intendedMarkets,
        state,
      })),
    )
    .execute();

  await trx
    .insertInto('authentication_connectors')
    .values({
      rights_holder_id: corvid,
      kind: 'resolver',
      name: 'CVX Pro Digital Link resolver',
      brand_id: await brandId(corvid, 'CVX Pro'),
      url: 'https://id.corvid-athletics.example',
    })
    .execute();

  // Past checks of serials 10–29 by the demo authorities; one copied code turned up in both countries.
  const customsFr = organisationIds.get('Demo Customs Administration — France')!;
  const customsKe = organisationIds.get('Demo Customs Administration — Kenya')!;
  const history = Array.from({ length: 20 }, (_, offset) => {
    const index = offset + 10;
    const kenyan = index % 3 === 0;
    return {
      serial: `NVL${String(index).padStart(7, '0')}`,
      organisationId: kenyan ? customsKe : customsFr,
      country: kenyan ? 'KE' : 'FR',
      at: new Date(now.getTime() - (60 - offset * 3) * DAY_MS),
    };
  });
  const cloned = history[history.length - 1]!;
  await trx
    .insertInto('verifications')
    .values([
      ...history.map((entry) => verification(entry, 'genuine', 'ok', [])),
      verification(
        {
          ...cloned,
          organisationId: customsKe,
          country: 'KE',
          at: new Date(cloned.at.getTime() + 2 * DAY_MS),
        },
        'possible_clone',
        'alert',
        [
          {
            rule: 'other_country',
            params: { windowDays: 30, countries: cloned.country, country: 'KE' },
            earlierScans: [{ country: cloned.country, at: cloned.at.toISOString() }],
          },
        ],
      ),
    ])
    .execute();

  function verification(
    entry: { serial: string; organisationId: string; country: string; at: Date },
    verdict: 'genuine' | 'possible_clone',
    severity: 'ok' | 'alert',
    clone: unknown[],
  ) {
    return {
      rights_holder_id: halvorsen,
      connector_id: registryId,
      brand_id: norvalin,
      serial_hash: hasher.hash(halvorsen, DEMO_SERIALISED.gtin, entry.serial),
      gtin: DEMO_SERIALISED.gtin,
      serial_hint: serialHint(entry.serial),
      batch: DEMO_SERIALISED.batch,
      expiry: DEMO_SERIALISED.expiry,
      organisation_id: entry.organisationId,
      user_id: null,
      country_code: entry.country,
      verified_at: entry.at,
      verdict,
      severity,
      suspicious: severity === 'alert',
      clone: JSON.stringify(clone),
    };
  }
}
