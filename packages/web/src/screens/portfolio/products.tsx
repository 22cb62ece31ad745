import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ProductSummary, portfolioApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type Column, DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { LanguageMarker } from '../../components/shown-text';
import { StatusBadge } from '../../components/status-badge';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from './portfolio-scope';
import { displayGtin } from './product-draft';
import { ExpiringRecordationsNotice } from './recordations';

/** The rights holder's products, optionally of one brand, named in the reader's language where entered. */
export function Products() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const { rightsHolder } = usePortfolioScope();
  const [params, setParams] = useSearchParams();
  const brandId = params.get('brandId') ?? '';
  const filterId = useId();
  const brands = useResource(() => portfolioApi.brands(rightsHolder.id), [rightsHolder.id]);
  const products = useResource(
    () => portfolioApi.products(rightsHolder.id, { brandId: brandId || undefined, lang: reader }),
    [rightsHolder.id, brandId, reader],
  );
  const brandList = brands.data?.brands ?? [];
  const knownBrand = brandId === '' || brandList.some((brand) => brand.id === brandId);

  const columns: Column<ProductSummary>[] = [
    {
      header: t('products.product'),
      render: (product) => (
        <>
          <Link to={`/portfolio/products/${product.id}`}>
            <span lang={product.nameLanguage}>{product.name}</span>
          </Link>
          {product.nameLanguage !== reader && (
            <>
              {' '}
              <LanguageMarker language={product.nameLanguage} />
            </>
          )}
        </>
      ),
    },
    { header: t('products.reference'), render: (product) => <code>{product.reference}</code> },
    { header: t('products.brand'), render: (product) => product.brandName },
    { header: t('products.category'), render: (product) => product.category },
    { header: t('products.status'), render: (product) => <StatusBadge status={product.status} /> },
    {
      header: t('products.gtins'),
      render: (product) =>
        product.gtins.length ? (
          <span className="mono">{format.list(product.gtins.map(displayGtin))}</span>
        ) : (
          '—'
        ),
    },
    {
      header: t('common.actions'),
      render: (product) => (
        <Link
          to={`/portfolio/products/${product.id}/sharing`}
          aria-label={t('products.sharingOf', { name: product.name })}
        >
          {t('products.sharing')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('products.title')}</PageHeading>
      <p className="lead">{t('products.intro')}</p>
      <ExpiringRecordationsNotice rightsHolderId={rightsHolder.id} />
      <div className="filters">
        <div className="field">
          <label htmlFor={filterId}>{t('products.filterBrand')}</label>
          <select
            id={filterId}
            value={knownBrand ? brandId : ''}
            onChange={(event) => setParams(event.target.value ? { brandId: event.target.value } : {})}
          >
            <option value="">{t('products.allBrands')}</option>
            {brandList.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        </div>
        <Link className="button-link" to="/portfolio/products/new">
          {t('products.add')}
        </Link>
      </div>
      <FormError error={products.error ?? brands.error} />
      {products.loading && <p role="status">{t('app.loading')}</p>}
      {products.data && (
        <DataTable
          caption={t('products.title')}
          columns={columns}
          rows={products.data.products}
          rowKey={(product) => product.id}
          empty={brandId ? t('products.emptyBrand') : t('products.empty')}
        />
      )}
    </>
  );
}
