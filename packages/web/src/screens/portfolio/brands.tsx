import { brandBody, LIMITS } from '@assay/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Brand, imageUrl, portfolioApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ChipsField } from '../../components/chips-field';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { listError, useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { CompanyPrefixes } from './company-prefixes';
import { ImageField, ImageLibraryProvider } from './image-fields';
import { usePortfolioScope } from './portfolio-scope';

/** The rights holder's brands, each with the other names it is known by and the categories it covers. */
export function Brands() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const brands = useResource(() => portfolioApi.brands(rightsHolder.id), [rightsHolder.id]);
  const [editing, setEditing] = useState<Brand | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const columns: Column<Brand>[] = [
    { header: t('brands.name'), render: (brand) => <strong>{brand.name}</strong> },
    { header: t('brands.aliases'), render: (brand) => format.list(brand.aliases) || '—' },
    {
      header: t('brands.logo'),
      render: (brand) =>
        brand.logoImageId ? (
          <img
            className="brand-logo"
            src={imageUrl(brand.logoImageId, 'thumbnail')}
            alt={t('brands.logoOf', { name: brand.name })}
          />
        ) : (
          '—'
        ),
    },
    { header: t('brands.categories'), render: (brand) => format.list(brand.categories) || '—' },
    {
      header: t('brands.products'),
      render: (brand) => (
        <Link to={`/portfolio/products?brandId=${brand.id}`}>
          {t('brands.seeProducts', { number: format.number(brand.productCount) })}
        </Link>
      ),
    },
    {
      header: t('common.actions'),
      render: (brand) => (
        <button
          id={`edit-${brand.id}`}
          type="button"
          className="button-secondary"
          aria-label={t('brands.editNamed', { name: brand.name })}
          onClick={() => setEditing(brand)}
        >
          {t('brands.edit')}
        </button>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('brands.title')}</PageHeading>
      <p className="lead">{t('brands.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="brand-list">
        <h2 id="brand-list">{t('brands.listTitle')}</h2>
        <FormError error={brands.error} />
        {brands.loading && !brands.data && <p role="status">{t('app.loading')}</p>}
        {brands.data && (
          <DataTable
            caption={t('brands.listTitle')}
            columns={columns}
            rows={brands.data.brands}
            rowKey={(brand) => brand.id}
            empty={t('brands.empty')}
          />
        )}
      </section>
      <ImageLibraryProvider rightsHolderId={rightsHolder.id}>
        <BrandForm
          key={editing?.id ?? 'new'}
          rightsHolderId={rightsHolder.id}
          brand={editing}
          onSaved={(saved, created) => {
            brands.update((current) => ({
              brands: created
                ? [...current.brands, saved].sort((a, b) => a.name.localeCompare(b.name))
                : current.brands.map((brand) => (brand.id === saved.id ? saved : brand)),
            }));
            setEditing(null);
            setAnnouncement(t(created ? 'brands.created' : 'brands.saved', { name: saved.name }));
            if (!created) focusSoon(`edit-${saved.id}`);
          }}
          onCancel={() => {
            if (editing) focusSoon(`edit-${editing.id}`);
            setEditing(null);
          }}
        />
      </ImageLibraryProvider>
      <CompanyPrefixes rightsHolderId={rightsHolder.id} />
    </>
  );
}

function BrandForm({
  rightsHolderId,
  brand,
  onSaved,
  onCancel,
}: {
  rightsHolderId: string;
  brand: Brand | null;
  onSaved: (brand: Brand, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(brand?.name ?? '');
  const [aliases, setAliases] = useState<string[]>(brand?.aliases ?? []);
  const [categories, setCategories] = useState<string[]>(brand?.categories ?? []);
  const [logoImageId, setLogoImageId] = useState<string | null>(brand?.logoImageId ?? null);
  const form = useForm({ serverProblems: { name: 'brands.nameTaken' } });
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Editing moves the reader to the form, which is above the list.
  useEffect(() => {
    if (brand) headingRef.current?.focus();
  }, [brand]);

  const submit = form.onSubmit(async () => {
    const body = form.check(brandBody, { name, aliases, categories, logoImageId });
    const saved = brand
      ? await portfolioApi.updateBrand(rightsHolderId, brand.id, body)
      : await portfolioApi.createBrand(rightsHolderId, body);
    onSaved(saved, !brand);
    if (!brand) {
      setName('');
      setAliases([]);
      setCategories([]);
      setLogoImageId(null);
    }
  });

  return (
    <section className="panel" aria-labelledby="brand-form">
      <h2 id="brand-form" ref={headingRef} tabIndex={-1}>
        {brand ? t('brands.editTitle', { name: brand.name }) : t('brands.newTitle')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} messages={{ conflict: t('brands.nameTaken') }} />
        <Field
          label={t('brands.name')}
          maxLength={LIMITS.nameMax}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldError('name')}
        />
        <ChipsField
          label={t('brands.aliases')}
          hint={t('brands.aliasesHint')}
          values={aliases}
          onChange={setAliases}
          error={listError(form.fieldError, 'aliases', aliases.length)}
        />
        <ChipsField
          label={t('brands.categories')}
          hint={t('brands.categoriesHint')}
          values={categories}
          onChange={setCategories}
          error={listError(form.fieldError, 'categories', categories.length)}
        />
        <ImageField label={t('brands.logo')} kind="product" value={logoImageId} onChange={setLogoImageId} />
        <div className="actions">
          <SubmitButton busy={form.busy}>{brand ? t('common.save') : t('brands.add')}</SubmitButton>
          {brand && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
