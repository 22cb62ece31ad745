import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
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
import { NotFound } from '../app/not-found';
import { displayGtin, formatHsCode } from '../portfolio/product-draft';
import { ContactCard } from './contact-card';

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
  const guide = useResource(() => catalogueApi.guide(productId, reader), [productId, reader]);

  if (guide.error instanceof ApiError && guide.error.code === 'not_found') return <NotFound />;
  return (
    <>
      <p className="no-print">
        <Link to="/guides">{t('guide.back')}</Link>
      </p>
      <FormError error={guide.error} />
      {guide.loading && !guide.data && <p role="status">{t('app.loading')}</p>}
      {guide.data && <GuideContent guide={guide.data} reader={reader} />}
    </>
  );
}

function GuideContent({ guide, reader }: { guide: GuideView; reader: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const covertCount = guide.guidePoints.filter((point) => point.visibility === 'covert').length;

  return (
    <article className="guide">
      <header className="guide-header">
        <PageHeading>
          <ShownText {...guide.name} />
        </PageHeading>
        <p className="guide-owner">
          {guide.brandName} ·{' '}
          <Link to={`/guides/rights-holders/${guide.rightsHolder.id}`}>{guide.rightsHolder.name}</Link>
        </p>
        {guide.status !== 'active' && (
          <p className={guide.status === 'recalled' ? 'notice notice-error' : 'notice'}>
            <StatusBadge status={guide.status} /> {t(`guide.statusNote.${guide.status}`)}
          </p>
        )}
        <p className="actions no-print">
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

      <SupplyChainSection supplyChain={guide.supplyChain} format={format} />
      <ContactsSection contacts={guide.contacts} />
      <IpRightsSection ipRights={guide.ipRights} format={format} />
    </article>
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
}: {
  supplyChain: GuideView['supplyChain'];
  format: Formatters;
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
