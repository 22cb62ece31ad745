import type { AlertIndicators, AlertSeverity, TransportMode } from '@assay/core';
import type { Db } from '../../db/database.js';
import type { LocalisedJson } from '../../db/schema.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

interface DemoAlert {
  owner: string;
  status: 'draft' | 'published';
  severity: AlertSeverity;
  title: LocalisedJson;
  body: LocalisedJson;
  brands?: string[];
  products?: string[];
  indicators: Partial<AlertIndicators>;
  targetCountries: string[];
  targetPorts?: string[];
  transportModes?: TransportMode[];
  /** Days from the seeding day: validity starts this many days before, ends (if set) this many after. */
  startedDaysAgo: number;
  endsInDays?: number;
  /** Demo accounts that already acknowledged it. */
  acknowledgedBy?: (keyof typeof DEMO_ACCOUNTS)[];
}

/** Fictional intelligence: exporters, importers and routes are invented; codes are real. */
const DEMO_ALERTS: DemoAlert[] = [
  {
    owner: 'Halvorsen Pharma AS',
    status: 'published',
    severity: 'critical',
    title: {
      original: 'en',
      texts: {
        en: 'Falsified Norvalin 500 mg tablets in postal parcels',
        fr: 'Comprimés Norvalin 500 mg falsifiés dans des colis postaux',
      },
    },
    body: {
      original: 'en',
      texts: {
        en: 'Blister packs without the embossed batch number, declared as "vitamin samples". Detain and call our 24/7 line: lab tests found no active ingredient.',
        fr: 'Plaquettes sans numéro de lot en relief, déclarées comme « échantillons de vitamines ». Retenez-les et appelez notre ligne 24 h/24 : les analyses n’ont trouvé aucun principe actif.',
      },
    },
    brands: ['Norvalin'],
    products: ['NVL-500-20'],
    indicators: {
      exporterNames: ['Lucent Wellness Trading FZE'],
      routes: [{ origin: 'AE', transit: [], destination: 'FR' }],
      ports: ['AEDXB'],
      descriptions: ['vitamin samples', 'analgesic tablets'],
      hsCodes: ['300490'],
    },
    targetCountries: ['FR', 'KE'],
    transportModes: ['POST', 'COURIER'],
    startedDaysAgo: 3,
    endsInDays: 90,
    acknowledgedBy: ['customsKeOfficer'],
  },
  {
    owner: 'Corvid Athletics Ltd',
    status: 'published',
    severity: 'high',
    title: {
      original: 'en',
      texts: {
        en: 'Counterfeit Stridemark running shoes via Jebel Ali',
        fr: 'Chaussures de course Stridemark contrefaites via Jebel Ali',
        es: 'Zapatillas Stridemark falsificadas vía Jebel Ali',
      },
    },
    body: {
      original: 'en',
      texts: {
        en: 'Containers of "sport shoes" from an exporter we never authorised, transshipped at Jebel Ali. The fakes have a glued, not stitched, toe cap.',
        fr: 'Conteneurs de « chaussures de sport » d’un exportateur que nous n’avons jamais autorisé, transbordés à Jebel Ali. Les contrefaçons ont un bout collé, non cousu.',
      },
    },
    brands: ['Stridemark'],
    products: ['SM-RUN-7'],
    indicators: {
      exporterNames: ['Brightway Trading Co.'],
      importerNames: ['Rapid Parcel Distribution SARL'],
      routes: [{ origin: 'CN', transit: ['AE'], destination: 'FR' }],
      ports: ['AEJEA', 'FRLEH'],
      descriptions: ['sport shoes'],
      hsCodes: ['640411'],
    },
    targetCountries: ['FR'],
    targetPorts: ['FRLEH'],
    transportModes: ['SEA'],
    startedDaysAgo: 1,
  },
  {
    owner: 'Demo Customs Administration — Kenya',
    status: 'published',
    severity: 'medium',
    title: {
      original: 'en',
      texts: {
        en: 'Mombasa: phone chargers with copied safety marks',
        fr: 'Mombasa : chargeurs de téléphone aux marquages de sécurité copiés',
      },
    },
    body: {
      original: 'en',
      texts: {
        en: 'Chargers declared as "electronic accessories" at a value far below cost. Check the marking and the weight (the fakes are lighter).',
      },
    },
    indicators: {
      descriptions: ['electronic accessories'],
      hsCodes: ['850440'],
      ports: ['KEMBA'],
    },
    targetCountries: ['KE'],
    transportModes: ['SEA', 'ROAD'],
    startedDaysAgo: 5,
    endsInDays: 30,
  },
  {
    owner: 'Demo Customs Administration — France',
    status: 'published',
    severity: 'low',
    title: {
      original: 'fr',
      texts: {
        fr: 'Parfums de marque déclarés comme échantillons cosmétiques',
        en: 'Branded perfume declared as cosmetic samples',
        es: 'Perfumes de marca declarados como muestras cosméticas',
      },
    },
    body: {
      original: 'fr',
      texts: {
        fr: 'Envois express de flacons de 100 ml déclarés comme échantillons gratuits. Vérifiez la valeur déclarée et le code SH.',
        en: 'Express parcels of 100 ml bottles declared as free samples. Check the declared value and the HS code.',
      },
    },
    indicators: { descriptions: ['cosmetic samples', 'free samples'], hsCodes: ['330300'] },
    targetCountries: [],
    transportModes: ['COURIER'],
    startedDaysAgo: 10,
  },
  {
    owner: 'Corvid Athletics Ltd',
    status: 'draft',
    severity: 'medium',
    title: { original: 'en', texts: { en: 'CVX Pro footballs sold below cost online' } },
    body: { original: 'en', texts: { en: 'Draft: waiting for the lab report before publishing.' } },
    brands: ['CVX Pro'],
    indicators: { hsCodes: ['950662'] },
    targetCountries: ['FR', 'KE'],
    startedDaysAgo: 0,
  },
];

const day = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** A few alerts (published to France and Kenya, different severities, one draft) so inboxes show something. */
export async function seedDemoAlerts(trx: Db, organisationIds: Map<string, string>): Promise<void> {
  const now = new Date();
  for (const alert of DEMO_ALERTS) {
    const ownerId = organisationIds.get(alert.owner)!;
    const brandIds = alert.brands?.length
      ? (
          await trx
            .selectFrom('brands')
            .select('id')
            .where('organisation_id', '=', ownerId)
            .where('name', 'in', alert.brands)
            .execute()
        ).map((row) => row.id)
      : [];
    const productIds = alert.products?.length
      ? (
          await trx
            .selectFrom('products')
            .select('id')
            .where('organisation_id', '=', ownerId)
            .where('reference', 'in', alert.products)
            .execute()
        ).map((row) => row.id)
      : [];
    const { id } = await trx
      .insertInto('alerts')
      .values({
        organisation_id: ownerId,
        status: alert.status,
        severity: alert.severity,
        title: alert.title,
        body: alert.body,
        brand_ids: brandIds,
        product_ids: productIds,
        indicators: {
          exporterNames: [],
          importerNames: [],
          routes: [],
          ports: [],
          descriptions: [],
          hsCodes: [],
          ...alert.indicators,
        },
        target_countries: alert.targetCountries,
        target_ports: alert.targetPorts ?? [],
        transport_modes: alert.transportModes ?? [],
        valid_from: day(now, -alert.startedDaysAgo),
        valid_to: alert.endsInDays === undefined ? null : day(now, alert.endsInDays),
        published_at: alert.status === 'published' ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const account of alert.acknowledgedBy ?? []) {
      const reader = await trx
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .select(['u.id', 'm.organisation_id'])
        .where('u.email', '=', DEMO_ACCOUNTS[account].email)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('alert_readings')
        .values({
          alert_id: id,
          user_id: reader.id,
          organisation_id: reader.organisation_id,
          read_at: now,
          acknowledged_at: now,
        })
        .execute();
    }
  }
}
