import type { DeclaredShipment } from '@assay/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { catalogueApi, type GuideView, guidePdfUrl } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { ZoomableImage } from '../../components/image-zoom';
import { PageHeading } from '../../components/page-heading';
import { ShownText } from '../../components/shown-text';
import { StatusBadge } from '../../components/status-badge';
import { useContentLanguages } from '../../i18n/content-languages';
import { type Formatters, useFormat } from '../../i18n/format';
import { validity } from '../../i18n/validity';
import { savedAtOf } from '../../offline/saved-copy';
import { forgetGuide, keepGuide, savedGuide } from '../../offline/saved-guides';
import { useSession } from '../../session/session-context';
import { NotFound } from '../app/not-found';
import { VerificationPanel } from '../officer/verification';
import { displayGtin, formatHsCode } from '../portfolio/product-draft';
import { ContactCard } from './contact-card';
import { type CustomsStanding, customsStanding } from './customs-standing';
import { SupplyCheckPanel } from './supply-check-panel';

type GuidePoint = GuideView['guidePoints'][number];

const LEVEL_ORDER = ['item', 'inner_pack', 'case'];

function priceRange(price: NonNullable<GuideView['price']>, locale: string): string {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency });
  return price.min === price.max ? money.format(price.min) : money.formatRange(price.min, price.max);
}

/** One product guide as an officer reads it at the inspection bench, in their language where entered. */
export function Guide() {
  const { t } = useTranslation();
  const { productId = '' } = useParams();
  const { reader } = useContentLanguages();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const guide = useResource(
    () => catalogueApi.guide(productId, reader, (headers) => setSavedAt(savedAtOf(headers))),
    [productId, reader],
  );

  if (guide.error instanceof ApiError && guide.error.code === 'not_found') return <NotFound />;
  const offlineMiss = guide.error instanceof ApiError && guide.error.status === 0;
  return (
    <>
      <p className="no-print">
        <Link to="/guides">{t('guide.back')}</Link>
      </p>
      {offlineMiss ? (
        <p className="notice notice-error">{t('offline.guideNotSaved')}</p>
      ) : (
        <FormError error={guide.error} />
      )}
      {guide.loading && !guide.data && <p role="status">{t('app.loading')}</p>}
      {guide.data && <GuideContent guide={guide.data} reader={reader} savedAt={savedAt} />}
    </>
  );
}

/** Pinned guides stay on the device until unpinned; others only while among the last opened. */
function usePin(guide: GuideView, reader: string, fresh: boolean) {
  const { session } = useSession();
  const userId = session.user?.id;
  const [pinned, setPinned] = useState<boolean | null>(null);

  useEffect(() => {
    if (!userId) return;
    let current = true;
    keepGuide(guide, reader, userId, { fresh })
      .then((record) => current && setPinned(record.pinned))
      .catch(() => current && setPinned(false));
    return () => {
      current = false;
    };
  }, [guide, reader, userId, fresh]);

  const toggle = async () => {
    if (!userId || pinned === null) return;
    if (pinned) {
      await forgetGuide(guide.id, userId);
      setPinned(false);
    } else {
      await keepGuide(guide, reader, userId, { pinned: true, fresh });
      setPinned(Boolean((await savedGuide(guide.id))?.pinned));
    }
  };
  return { pinned, toggle };
}

/** Where the report form starts: this product, the scanned code, and what the quick check was given. */
function reportLink(guide: GuideView, code: string | null, declared: DeclaredShipment): string {
  const params = new URLSearchParams({ productId: guide.id });
  if (code) params.set('code', code);
  const fields: [string, string | undefined][] = [
    ['exporter', declared.exporter?.trim()],
    ['origin', declared.originCountry],
    ['destination', declared.destinationCountry],
    ['mode', declared.transportMode],
    ['locode', declared.port?.trim()],
  ];
  for (const [name, value] of fields) if (value) params.set(name, value);
  return `/reports/new?${params}`;
}

function GuideContent({
  guide,
  reader,
  savedAt,
}: {
  guide: GuideView;
  reader: string;
  savedAt: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const [searchParams] = useSearchParams();
  const officerCountry = session.organisation?.countryCode ?? undefined;
  const [declared, setDeclared] = useState<DeclaredShipment>({ destinationCountry: officerCountry });
  const { pinned, toggle } = usePin(guide, reader, savedAt === null);
  const covertCount = guide.guidePoints.filter((point) => point.visibility === 'covert').length;
  const standing = customsStanding(guide.ipRights, new Date().toISOString().slice(0, 10));

  return (
    <article className="guide with-action-bar">
      {savedAt && (
        <p className="notice offline-copy" role="status">
          {t('offline.savedCopy', { time: format.dateTime(savedAt) })}
        </p>
      )}
      <header className="guide-header">
        <PageHeading>
          <ShownText {...guide.name} />
        </PageHeading>
        <p className="guide-owner">
          {guide.brandName} ·{' '}
          <Link to={`/guides/rights-holders/${guide.rightsHolder.id}`}>{guide.rightsHolder.name}</Link>
        </p>
        <VerificationPanel code={searchParams.get('code')} brand={guide.brandName} />
        {guide.status !== 'active' && (
          <p className={guide.status === 'recalled' ? 'notice notice-error' : 'notice'}>
            <StatusBadge status={guide.status} /> {t(`guide.statusNote.${guide.status}`)}
          </p>
        )}
        <StandingNotice
          standing={standing}
          country={format.country(officerCountry ?? null)}
          format={format}
        />
        <p className="actions no-print">
          <button
            type="button"
            className="button-secondary"
            aria-pressed={pinned ?? false}
            disabled={pinned === null}
            onClick={() => void toggle()}
          >
            <span aria-hidden="true">{pinned ? '✓ ' : ''}</span>
            {t('offline.pin')}
          </button>
          {/* The button's name stays the same (a toggle); what pinning achieved is said beside it. */}
          <span role="status" className="muted">
            {pinned ? t('offline.pinned') : ''}
          </span>
          <a className="button-link" href={guidePdfUrl(guide.id, reader)} download>
            {t('guide.pdf')}
          </a>
          <span className="muted">{t('guide.pdfHint')}</span>
        </p>
      </header>

      <section className="panel" aria-labelledby="guide-identity">
        <h2 id="guide-identity">{t('guide.identity')}</h2>
        <Facts guide={guide} format={format} />
        {guide.description && (
          <>
            <h3>{t('productForm.description')}</h3>
            <ShownText {...guide.description} as="p" className="prose-text" />
          </>
        )}
        {guide.packaging && (
          <>
            <h3>{t('productForm.packaging')}</h3>
            <ShownText {...guide.packaging} as="p" className="prose-text" />
          </>
        )}
      </section>

      <section aria-labelledby="guide-points">
        <h2 id="guide-points">{t('guide.points')}</h2>
        {covertCount > 0 && <p className="notice notice-covert">{t('guide.covertNotice')}</p>}
        {guide.guidePoints.length === 0 ? (
          <p className="empty">{t('guide.noPoints')}</p>
        ) : (
          <ol className="plain-list guide-points">
            {guide.guidePoints.map((point, index) => (
              <li key={point.id}>
                <GuidePointCard point={point} number={index + 1} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {guide.images.length > 0 && (
        <section aria-labelledby="guide-gallery">
          <h2 id="guide-gallery">{t('guide.gallery')}</h2>
          <ul className="gallery">
            {guide.images.map((image, index) => (
              <li key={image.imageId}>
                <ZoomableImage
                  imageId={image.imageId}
                  width={image.width}
                  height={image.height}
                  alt={t('guide.galleryImage', {
                    kind: t(`imageKinds.${image.kind}`),
                    number: index + 1,
                    total: guide.images.length,
                  })}
                />
                <span className="gallery-caption">{t(`imageKinds.${image.kind}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="guide-indicators">
        <h2 id="guide-indicators">{t('indicators.title')}</h2>
        {guide.indicators.length === 0 ? (
          <p className="empty">{t('guide.noIndicators')}</p>
        ) : (
          <ul className="plain-list indicator-list">
            {guide.indicators.map((indicator, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: indicators have no id and are never reordered here.
              <li key={index} className="card">
                <p className="indicator-kind">{t(`indicatorKinds.${indicator.kind}`)}</p>
                <ShownText {...indicator.text} as="p" className="prose-text" />
              </li>
            ))}
          </ul>
        )}
      </section>

      <SupplyChainSection supplyChain={guide.supplyChain} format={format}>
        <SupplyCheckPanel supplyChain={guide.supplyChain} declared={declared} onChange={setDeclared} />
      </SupplyChainSection>
      <ContactsSection contacts={guide.contacts} />
      <IpRightsSection ipRights={guide.ipRights} format={format} />

      <div className="action-bar no-print">
        <Link
          className="button-link button-report"
          to={reportLink(guide, searchParams.get('code'), declared)}
        >
          {t('reports.reportSuspect')}
        </Link>
      </div>
    </article>
  );
}

/** Whether customs here can act on the rights holder's application, said before anything else. */
function StandingNotice({
  standing,
  country,
  format,
}: {
  standing: CustomsStanding;
  country: string;
  format: Formatters;
}) {
  const { t } = useTranslation();
  const tone =
    standing.kind === 'recorded'
      ? 'standing-good'
      : standing.kind === 'filed'
        ? 'standing-waiting'
        : 'standing-bad';
  return (
    <section className={`standing ${tone}`} aria-labelledby="guide-standing">
      <h2 id="guide-standing">
        {t(`standing.${standing.kind}`, { country: country || t('standing.yourCountry') })}
      </h2>
      <p>
        {standing.kind === 'recorded' &&
          (standing.validTo
            ? t('standing.recordedUntil', {
                reference: standing.reference,
                date: format.day(standing.validTo),
              })
            : t('standing.recordedDetail', { reference: standing.reference }))}
        {standing.kind === 'filed' && t('standing.filedDetail', { reference: standing.reference })}
        {standing.kind === 'expired' && t('standing.expiredDetail', { reference: standing.reference })}
        {standing.kind === 'not_recorded' && t('standing.notRecordedDetail')}
      </p>
    </section>
  );
}

function GuidePointCard({ point, number }: { point: GuidePoint; number: number }) {
  const { t } = useTranslation();
  const covert = point.visibility === 'covert';
  const hasImages = point.genuineImageId || point.counterfeitImageId;
  return (
    <article
      className={covert ? 'card guide-point covert' : 'card guide-point'}
      aria-labelledby={`point-${point.id}`}
    >
      <h3 id={`point-${point.id}`}>
        <span className="point-number">{t('guide.pointNumber', { number })}</span>{' '}
        <ShownText {...point.title} />
      </h3>
      {covert && (
        <p className="covert-label">
          <span className="badge badge-covert">{t('guide.covertBadge')}</span>{' '}
          <span className="muted">{t('guide.covertExplanation')}</span>
        </p>
      )}
      <ShownText {...point.body} as="p" className="prose-text" />
      {hasImages && (
        <div className="comparison">
          {point.genuineImageId && (
            <figure className="comparison-genuine">
              <ZoomableImage
                imageId={point.genuineImageId}
                alt={t('guide.genuineOf', { title: point.title.text })}
              />
              <figcaption>{t('guide.genuine')}</figcaption>
            </figure>
          )}
          {point.counterfeitImageId && (
            <figure className="comparison-counterfeit">
              <ZoomableImage
                imageId={point.counterfeitImageId}
                alt={t('guide.counterfeitOf', { title: point.title.text })}
              />
              <figcaption>{t('guide.counterfeit')}</figcaption>
            </figure>
          )}
        </div>
      )}
    </article>
  );
}

function Facts({ guide, format }: { guide: GuideView; format: Formatters }) {
  const { t } = useTranslation();
  const identifiers = [...guide.identifiers].sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level),
  );
  return (
    <dl className="facts">
      <dt>{t('guide.reference')}</dt>
      <dd>
        <code>{guide.reference}</code>
      </dd>
      <dt>{t('products.category')}</dt>
      <dd>{guide.category}</dd>
      <dt>{t('products.gtins')}</dt>
      <dd>
        {identifiers.length === 0 ? (
          '—'
        ) : (
          <ul className="plain-list">
            {identifiers.map((identifier) => (
              <li key={identifier.gtin}>
                <span className="mono">{displayGtin(identifier.gtin)}</span>{' '}
                <span className="muted">({t(`gtinLevels.${identifier.level}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('productForm.hsCodes')}</dt>
      <dd className="mono">{guide.hsCodes.length ? format.list(guide.hsCodes.map(formatHsCode)) : '—'}</dd>
      <dt>{t('productForm.countriesOfManufacture')}</dt>
      <dd>
        {guide.countriesOfManufacture.length
          ? format.list(guide.countriesOfManufacture.map(format.country))
          : '—'}
      </dd>
      <dt>{t('guide.price')}</dt>
      <dd>{guide.price ? priceRange(guide.price, format.locale) : '—'}</dd>
    </dl>
  );
}

function SupplyChainSection({
  supplyChain,
  format,
  children,
}: {
  supplyChain: GuideView['supplyChain'];
  format: Formatters;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const empty = supplyChain.entries.length === 0 && supplyChain.routes.length === 0;
  return (
    <section aria-labelledby="guide-supply-chain">
      <h2 id="guide-supply-chain">{t('supplyChain.title')}</h2>
      {empty ? (
        <p className="empty">{t('guide.noSupplyChain')}</p>
      ) : (
        <p className="field-hint">{t('guide.supplyChainIntro')}</p>
      )}
      {!empty && children}
      {supplyChain.entries.length > 0 && (
        <ul className="plain-list record-list">
          {supplyChain.entries.map((entry) => (
            <li key={entry.id} className="card">
              <p className="indicator-kind">{t(`supplyChainRoles.${entry.role}`)}</p>
              <p className="record-name">{entry.name}</p>
              <dl className="facts compact">
                <dt>{t('fields.country')}</dt>
                <dd>{format.country(entry.countryCode)}</dd>
                {entry.eori && (
                  <>
                    <dt>{t('supplyChain.eori')}</dt>
                    <dd className="mono">{entry.eori}</dd>
                  </>
                )}
                {entry.taxNumber && (
                  <>
                    <dt>{t('supplyChain.taxNumber')}</dt>
                    <dd className="mono">{entry.taxNumber}</dd>
                  </>
                )}
                {entry.address && (
                  <>
                    <dt>{t('supplyChain.address')}</dt>
                    <dd className="prose-text">{entry.address}</dd>
                  </>
                )}
              </dl>
              {!entry.productSpecific && <p className="muted">{t('guide.portfolioWide')}</p>}
            </li>
          ))}
        </ul>
      )}
      {supplyChain.routes.length > 0 && (
        <>
          <h3>{t('supplyChain.routes')}</h3>
          <ul className="plain-list record-list">
            {supplyChain.routes.map((route) => (
              <li key={route.id} className="card">
                <p className="record-name">
                  {[route.originCountry, ...route.transitCountries, route.destinationCountry]
                    .map(format.country)
                    .join(' → ')}
                </p>
                <dl className="facts compact">
                  {route.transportMode && (
                    <>
                      <dt>{t('supplyChain.mode')}</dt>
                      <dd>{t(`transportModes.${route.transportMode}`)}</dd>
                    </>
                  )}
                  {route.ports.length > 0 && (
                    <>
                      <dt>{t('supplyChain.ports')}</dt>
                      <dd className="mono">{format.list(route.ports)}</dd>
                    </>
                  )}
                  {route.carriers.length > 0 && (
                    <>
                      <dt>{t('supplyChain.carriers')}</dt>
                      <dd>{format.list(route.carriers)}</dd>
                    </>
                  )}
                </dl>
                {!route.productSpecific && <p className="muted">{t('guide.portfolioWide')}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ContactsSection({ contacts }: { contacts: GuideView['contacts'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="guide-contacts">
      <h2 id="guide-contacts">{t('contacts.title')}</h2>
      {contacts.length === 0 && <p className="empty">{t('guide.noContacts')}</p>}
      <ul className="plain-list record-list">
        {contacts.map((contact) => (
          <ContactCard key={contact.id} contact={contact} />
        ))}
      </ul>
    </section>
  );
}

function IpRightsSection({ ipRights, format }: { ipRights: GuideView['ipRights']; format: Formatters }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="guide-ip-rights">
      <h2 id="guide-ip-rights">{t('ipRights.title')}</h2>
      {ipRights.length === 0 && <p className="empty">{t('guide.noIpRights')}</p>}
      <ul className="plain-list record-list">
        {ipRights.map((right) => (
          <li key={right.id} className="card">
            <p className="indicator-kind">{t(`ipRightTypes.${right.type}`)}</p>
            <p className="record-name">
              <span className="mono">{right.registrationNumber}</span> · {right.office}
            </p>
            <dl className="facts compact">
              <dt>{t('ipRights.owner')}</dt>
              <dd>{right.ownerName}</dd>
              {right.classes.length > 0 && (
                <>
                  <dt>{t('ipRights.classes')}</dt>
                  <dd>{format.list(right.classes.map(String))}</dd>
                </>
              )}
              {(right.validFrom || right.validTo) && (
                <>
                  <dt>{t('ipRights.validity')}</dt>
                  <dd>{validity(right.validFrom, right.validTo, format, t)}</dd>
                </>
              )}
              <dt>{t('guide.recordationHere')}</dt>
              <dd>
                {right.recordation ? (
                  <>
                    <StatusBadge status={right.recordation.status} />{' '}
                    <code>{right.recordation.reference}</code>
                    {right.recordation.validTo && (
                      <> · {t('ipRights.until', { date: format.day(right.recordation.validTo) })}</>
                    )}
                  </>
                ) : (
                  t('guide.noRecordationHere')
                )}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
