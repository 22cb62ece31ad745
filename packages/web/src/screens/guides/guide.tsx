import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { catalogueApi, type GuideView } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { ShownText } from '../../components/shown-text';
import { StatusBadge } from '../../components/status-badge';
import { useContentLanguages } from '../../i18n/content-languages';
import { type Formatters, useFormat } from '../../i18n/format';
import { NotFound } from '../app/not-found';
import { displayGtin, formatHsCode } from '../portfolio/product-draft';

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
      <p>
        <Link to="/guides">{t('guide.back')}</Link>
      </p>
      <FormError error={guide.error} />
      {guide.loading && !guide.data && <p role="status">{t('app.loading')}</p>}
      {guide.data && <GuideContent guide={guide.data} />}
    </>
  );
}

function GuideContent({ guide }: { guide: GuideView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const covertCount = guide.guidePoints.filter((point) => point.visibility === 'covert').length;

  return (
    <article className="guide" aria-labelledby="guide-title">
      <header className="guide-header">
        <div id="guide-title">
          <PageHeading>
            <ShownText {...guide.name} />
          </PageHeading>
        </div>
        <p className="guide-owner">
          {t('guide.brandBy', { brand: guide.brandName, rightsHolder: guide.rightsHolder.name })}
        </p>
        {guide.status !== 'active' && (
          <p className={guide.status === 'recalled' ? 'notice notice-error' : 'notice'}>
            <StatusBadge status={guide.status} /> {t(`guide.statusNote.${guide.status}`)}
          </p>
        )}
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
                <article
                  className={point.visibility === 'covert' ? 'card guide-point covert' : 'card guide-point'}
                  aria-labelledby={`point-${point.id}`}
                >
                  <h3 id={`point-${point.id}`}>
                    <span className="point-number">{t('guide.pointNumber', { number: index + 1 })}</span>{' '}
                    <ShownText {...point.title} />
                  </h3>
                  {point.visibility === 'covert' && (
                    <p className="covert-label">
                      <span className="badge badge-covert">{t('guide.covertBadge')}</span>{' '}
                      <span className="muted">{t('guide.covertExplanation')}</span>
                    </p>
                  )}
                  <ShownText {...point.body} as="p" className="prose-text" />
                </article>
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
    </article>
  );
}

function Facts({ guide, format }: { guide: GuideView; format: Formatters }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('products.reference')}</dt>
      <dd>
        <code>{guide.reference}</code>
      </dd>
      <dt>{t('products.category')}</dt>
      <dd>{guide.category}</dd>
      <dt>{t('products.gtins')}</dt>
      <dd>
        {guide.identifiers.length === 0 ? (
          '—'
        ) : (
          <ul className="plain-list">
            {guide.identifiers.map((identifier) => (
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
