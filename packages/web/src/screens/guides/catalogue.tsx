import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { catalogueApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { LanguageMarker } from '../../components/shown-text';
import { StatusBadge } from '../../components/status-badge';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { displayGtin } from '../portfolio/product-draft';
import { matchesFilter } from './catalogue-filter';

/** Guides the officer's organisation may open, with a filter over name, brand and GTIN. */
export function Catalogue() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const products = useResource(() => catalogueApi.products(reader), [reader]);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const all = products.data?.products ?? [];
  const shown = useMemo(() => all.filter((product) => matchesFilter(product, filter)), [all, filter]);

  return (
    <>
      <PageHeading>{t('catalogue.title')}</PageHeading>
      <p className="lead">{t('catalogue.intro')}</p>
      <search className="filters">
        <div className="field">
          <label htmlFor={filterId}>{t('catalogue.filter')}</label>
          <p id={`${filterId}-hint`} className="field-hint">
            {t('catalogue.filterHint')}
          </p>
          <input
            id={filterId}
            type="search"
            aria-describedby={`${filterId}-hint`}
            autoComplete="off"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      </search>
      {products.error instanceof ApiError && products.error.status === 0 ? (
        <p className="notice offline-notice">
          {t('offline.catalogueOffline')} <Link to="/guides/saved">{t('offline.savedTitle')}</Link>
        </p>
      ) : (
        <FormError error={products.error} />
      )}
      {products.loading && <p role="status">{t('app.loading')}</p>}
      {products.data && (
        <p role="status" className="muted">
          {filter.trim()
            ? t('catalogue.countFiltered', {
                shown: format.number(shown.length),
                total: format.number(all.length),
              })
            : t('catalogue.count', { total: format.number(all.length) })}
        </p>
      )}
      {products.data && all.length === 0 && <p className="empty">{t('catalogue.empty')}</p>}
      {products.data && all.length > 0 && shown.length === 0 && (
        <p className="empty">{t('catalogue.noMatch')}</p>
      )}
      <ul className="cards">
        {shown.map((product) => (
          <li key={product.id}>
            <article className="card guide-card" aria-labelledby={`guide-${product.id}`}>
              <h2 id={`guide-${product.id}`}>
                <Link to={`/guides/${product.id}`}>
                  <span lang={product.nameLanguage}>{product.name}</span>
                </Link>
                {product.nameLanguage !== reader && (
                  <>
                    {' '}
                    <LanguageMarker language={product.nameLanguage} />
                  </>
                )}
              </h2>
              <p className="muted">
                {product.brandName} · {product.category}
                {product.status !== 'active' && (
                  <>
                    {' '}
                    <StatusBadge status={product.status} />
                  </>
                )}
              </p>
              {product.gtins.length > 0 && (
                <p>
                  <span className="visually-hidden">{t('products.gtins')}: </span>
                  <span className="mono">{format.list(product.gtins.map(displayGtin))}</span>
                </p>
              )}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
