import { IDENTIFIER_LEVELS, INDICATOR_KINDS, PRODUCT_STATUSES, productBody } from '@assay/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { type Brand, ownerGuidePdfUrl, type ProductView, portfolioApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { RadioGroup } from '../../components/choice-group';
import { Field, SelectField } from '../../components/field';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { LocalisedTextField } from '../../components/localised-text-field';
import { PageHeading } from '../../components/page-heading';
import { PickListField } from '../../components/pick-list-field';
import { SubmitButton } from '../../components/submit-button';
import { UnsavedChangesGuard } from '../../components/unsaved-changes';
import { useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { NotFound } from '../app/not-found';
import { GalleryEditor, ImageField, ImageLibraryProvider } from './image-fields';
import { usePortfolioScope } from './portfolio-scope';
import {
  codeProblems,
  draftFromProduct,
  emptyProduct,
  type GuidePointDraft,
  gtinProblem,
  hsCodeProblem,
  type IndicatorDraft,
  newGuidePoint,
  newIndicator,
  type ProductDraft,
  productInput,
  rowKey,
} from './product-draft';
import { ProductTabs } from './product-tabs';

/** Creates a product (`/portfolio/products/new`) or edits one with its guide. */
export function ProductEditor() {
  const { t } = useTranslation();
  const { productId } = useParams();
  const { rightsHolder } = usePortfolioScope();
  const location = useLocation();
  const brands = useResource(() => portfolioApi.brands(rightsHolder.id), [rightsHolder.id]);
  const product = useResource(
    async () => (productId ? portfolioApi.product(rightsHolder.id, productId) : null),
    [rightsHolder.id, productId],
  );
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  if (product.error && (product.error as { code?: string }).code === 'not_found') return <NotFound />;
  if (!brands.data || product.data === undefined) {
    return (
      <>
        <FormError error={brands.error ?? product.error} />
        {(brands.loading || product.loading) && <p role="status">{t('app.loading')}</p>}
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/portfolio/products">{t('productForm.back')}</Link>
      </p>
      {product.data ? (
        <>
          <PageHeading>{t('productForm.editTitle', { reference: product.data.reference })}</PageHeading>
          <ProductTabs productId={product.data.id} />
          <OwnerPdfLink rightsHolderId={rightsHolder.id} product={product.data} />
        </>
      ) : (
        <PageHeading>{t('productForm.newTitle')}</PageHeading>
      )}
      {justCreated && product.data && (
        <p className="announcement" role="status">
          {t('productForm.created')}{' '}
          <Link to={`/portfolio/products/${product.data.id}/sharing`}>{t('productForm.chooseSharing')}</Link>
        </p>
      )}
      <ImageLibraryProvider rightsHolderId={rightsHolder.id}>
        <ProductForm
          key={product.data?.id ?? 'new'}
          rightsHolderId={rightsHolder.id}
          brands={brands.data.brands}
          product={product.data}
          onSaved={(saved) => product.update(() => saved)}
        />
      </ImageLibraryProvider>
    </>
  );
}

/** The printable guide as officers get it (covert points included), in a language of the product's texts. */
function OwnerPdfLink({ rightsHolderId, product }: { rightsHolderId: string; product: ProductView }) {
  const { t } = useTranslation();
  const languages = useContentLanguages();
  const offered = [...new Set([languages.reader, product.name.original, ...Object.keys(product.name.texts)])];
  const [language, setLanguage] = useState(languages.reader);
  const id = useId();
  return (
    <div className="pdf-bar">
      <label htmlFor={id}>{t('productForm.pdfLanguage')}</label>
      <select id={id} value={language} onChange={(event) => setLanguage(event.target.value)}>
        {offered.map((code) => (
          <option key={code} value={code}>
            {languages.name(code)}
          </option>
        ))}
      </select>
      <a className="button-link" href={ownerGuidePdfUrl(rightsHolderId, product.id, language)} download>
        {t('productForm.pdf')}
      </a>
    </div>
  );
}

function ProductForm({
  rightsHolderId,
  brands,
  product,
  onSaved,
}: {
  rightsHolderId: string;
  brands: Brand[];
  product: ProductView | null;
  onSaved: (product: ProductView) => void;
}) {
  const { t } = useTranslation();
  const languages = useContentLanguages();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<ProductDraft>(() =>
    product
      ? draftFromProduct(product)
      : emptyProduct(
          languages.reader,
          params.get('brandId') ?? (brands.length === 1 ? brands[0]?.id : '') ?? '',
        ),
  );
  const [announcement, setAnnouncement] = useState('');
  const [saved, setSaved] = useState(() => JSON.stringify(productInput(draft)));
  const dirty = saved !== JSON.stringify(productInput(draft));
  const leaving = useRef(false);
  /** Codes whose problems show as they are typed: after leaving the field once, or after saving. */
  const [checkedCodes, setCheckedCodes] = useState<ReadonlySet<string>>(new Set());
  const form = useForm({
    serverProblems: { reference: 'productForm.referenceTaken', identifiers: 'productForm.gtinTaken' },
  });

  const change = (patch: Partial<ProductDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const fieldError = form.fieldError;
  const under = (prefix: string) => (path: string) => fieldError(path ? `${prefix}.${path}` : prefix);
  const codeError = (key: string, problem: ReturnType<typeof gtinProblem>) =>
    checkedCodes.has(key) && problem ? t(problem.key, problem.values) : undefined;
  const markChecked = (key: string) => setCheckedCodes((current) => new Set(current).add(key));

  const submit = form.onSubmit(async () => {
    setCheckedCodes(new Set([...draft.identifiers, ...draft.hsCodes].map((row) => row.key)));
    const body = form.check(productBody, productInput(draft), codeProblems(draft));
    if (product) {
      const replaced = await portfolioApi.replaceProduct(rightsHolderId, product.id, body);
      const next = draftFromProduct(replaced);
      onSaved(replaced);
      setDraft(next);
      setSaved(JSON.stringify(productInput(next)));
      setAnnouncement(t('productForm.saved'));
    } else {
      const created = await portfolioApi.createProduct(rightsHolderId, body);
      // Saved: leaving the form for the new product's page asks nothing.
      leaving.current = true;
      navigate(`/portfolio/products/${created.id}`, { state: { created: true } });
    }
  });

  const brand = brands.find((candidate) => candidate.id === draft.brandId);
  const { countries } = useFormat();
  const countryOptions = countries.map((country) => ({ value: country.code, label: country.name }));
  const categoryListId = useId();

  if (brands.length === 0) {
    return (
      <section className="panel">
        <p>{t('productForm.noBrand')}</p>
        <p>
          <Link to="/portfolio/brands">{t('productForm.addBrandFirst')}</Link>
        </p>
      </section>
    );
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="product-form">
      <UnsavedChangesGuard dirty={dirty} allow={leaving} />
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError
        error={form.error}
        messages={{ conflict: t('productForm.conflict'), validation_failed: t('errors.validation_failed') }}
      />

      <section className="panel" aria-labelledby="product-identity">
        <h2 id="product-identity">{t('productForm.identity')}</h2>
        <SelectField
          label={t('products.brand')}
          value={draft.brandId}
          onChange={(event) => change({ brandId: event.target.value })}
          error={fieldError('brandId')}
        >
          <option value="">{t('productForm.chooseBrand')}</option>
          {brands.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('products.reference')}
          hint={t('productForm.referenceHint')}
          maxLength={100}
          autoCapitalize="characters"
          spellCheck={false}
          value={draft.reference}
          onChange={(event) => change({ reference: event.target.value })}
          error={fieldError('reference')}
        />
        <LocalisedTextField
          label={t('productForm.name')}
          hint={t('productForm.nameHint')}
          value={draft.name}
          onChange={(name) => change({ name })}
          maxLength={200}
          errorAt={under('name')}
        />
        <Field
          label={t('products.category')}
          hint={t('productForm.categoryHint')}
          maxLength={100}
          list={brand?.categories.length ? categoryListId : undefined}
          value={draft.category}
          onChange={(event) => change({ category: event.target.value })}
          error={fieldError('category')}
        />
        {brand && brand.categories.length > 0 && (
          <datalist id={categoryListId}>
            {brand.categories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        )}
        <SelectField
          label={t('products.status')}
          hint={t('productForm.statusHint')}
          value={draft.status}
          onChange={(event) =>
            change({ status: PRODUCT_STATUSES.find((status) => status === event.target.value) ?? 'active' })
          }
          error={fieldError('status')}
        >
          {PRODUCT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
      </section>

      <section className="panel" aria-labelledby="product-texts">
        <h2 id="product-texts">{t('productForm.texts')}</h2>
        <LocalisedTextField
          label={t('productForm.description')}
          hint={t('productForm.descriptionHint')}
          value={draft.description}
          onChange={(description) => change({ description })}
          multiline
          rows={4}
          maxLength={5000}
          optional
          errorAt={under('description')}
        />
        <LocalisedTextField
          label={t('productForm.packaging')}
          hint={t('productForm.packagingHint')}
          value={draft.packaging}
          onChange={(packaging) => change({ packaging })}
          multiline
          rows={3}
          maxLength={2000}
          optional
          errorAt={under('packaging')}
        />
      </section>

      <GalleryEditor items={draft.images} onChange={(images) => change({ images })} />

      <section className="panel" aria-labelledby="product-codes">
        <h2 id="product-codes">{t('productForm.codes')}</h2>
        <fieldset className="row-list" aria-describedby="gtin-hint">
          <legend>{t('products.gtins')}</legend>
          <p id="gtin-hint" className="field-hint">
            {t('productForm.gtinsHint')}
          </p>
          {fieldError('identifiers') && (
            <p className="field-error" role="alert">
              {fieldError('identifiers')}
            </p>
          )}
          <ol className="plain-list">
            {draft.identifiers.map((row, index) => (
              <li key={row.key} className="code-row">
                <Field
                  id={`${row.key}-gtin`}
                  label={t('productForm.gtinNumber', { number: index + 1 })}
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  className="mono"
                  maxLength={40}
                  value={row.gtin}
                  onChange={(event) =>
                    change({
                      identifiers: draft.identifiers.map((item) =>
                        item.key === row.key ? { ...item, gtin: event.target.value } : item,
                      ),
                    })
                  }
                  onBlur={() => row.gtin.trim() && markChecked(row.key)}
                  error={codeError(row.key, gtinProblem(row.gtin)) ?? fieldError(`identifiers.${index}.gtin`)}
                />
                <SelectField
                  label={t('productForm.gtinLevel', { number: index + 1 })}
                  value={row.level}
                  onChange={(event) =>
                    change({
                      identifiers: draft.identifiers.map((item) =>
                        item.key === row.key
                          ? {
                              ...item,
                              level:
                                IDENTIFIER_LEVELS.find((level) => level === event.target.value) ?? 'item',
                            }
                          : item,
                      ),
                    })
                  }
                >
                  {IDENTIFIER_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`gtinLevels.${level}`)}
                    </option>
                  ))}
                </SelectField>
                <RemoveRowButton
                  label={t('productForm.removeGtin', { number: index + 1 })}
                  onRemove={() =>
                    change({ identifiers: draft.identifiers.filter((item) => item.key !== row.key) })
                  }
                  focusAfter="add-gtin"
                />
              </li>
            ))}
          </ol>
          <button
            id="add-gtin"
            type="button"
            className="button-secondary"
            onClick={() => {
              const key = rowKey();
              change({ identifiers: [...draft.identifiers, { key, gtin: '', level: 'item' }] });
              focusSoon(`${key}-gtin`);
            }}
          >
            {t('productForm.addGtin')}
          </button>
        </fieldset>

        <fieldset className="row-list" aria-describedby="hs-hint">
          <legend>{t('productForm.hsCodes')}</legend>
          <p id="hs-hint" className="field-hint">
            {t('productForm.hsCodesHint')}
          </p>
          <ol className="plain-list">
            {draft.hsCodes.map((row, index) => (
              <li key={row.key} className="code-row">
                <Field
                  id={`${row.key}-hs`}
                  label={t('productForm.hsCodeNumber', { number: index + 1 })}
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  className="mono"
                  maxLength={20}
                  value={row.code}
                  onChange={(event) =>
                    change({
                      hsCodes: draft.hsCodes.map((item) =>
                        item.key === row.key ? { ...item, code: event.target.value } : item,
                      ),
                    })
                  }
                  onBlur={() => row.code.trim() && markChecked(row.key)}
                  error={codeError(row.key, hsCodeProblem(row.code)) ?? fieldError(`hsCodes.${index}`)}
                />
                <RemoveRowButton
                  label={t('productForm.removeHsCode', { number: index + 1 })}
                  onRemove={() => change({ hsCodes: draft.hsCodes.filter((item) => item.key !== row.key) })}
                  focusAfter="add-hs-code"
                />
              </li>
            ))}
          </ol>
          <button
            id="add-hs-code"
            type="button"
            className="button-secondary"
            onClick={() => {
              const key = rowKey();
              change({ hsCodes: [...draft.hsCodes, { key, code: '' }] });
              focusSoon(`${key}-hs`);
            }}
          >
            {t('productForm.addHsCode')}
          </button>
        </fieldset>
      </section>

      <section className="panel" aria-labelledby="product-physical">
        <h2 id="product-physical">{t('productForm.physical')}</h2>
        <PickListField
          legend={t('productForm.countriesOfManufacture')}
          values={draft.countriesOfManufacture}
          onChange={(countriesOfManufacture) => change({ countriesOfManufacture })}
          options={countryOptions}
          pickerLabel={t('productForm.countryToAdd')}
          addLabel={t('productForm.addCountry')}
          error={fieldError('countriesOfManufacture')}
        />
        <fieldset className="inline-fields">
          <legend>{t('productForm.dimensions')}</legend>
          <p className="field-hint">{t('productForm.dimensionsHint')}</p>
          <div className="field-row compact">
            {(['length', 'width', 'height'] as const).map((side) => (
              <Field
                key={side}
                label={t(`productForm.${side}`)}
                inputMode="numeric"
                value={draft[side]}
                onChange={(event) => change({ [side]: event.target.value })}
                error={fieldError(`dimensionsMm.${side}`)}
              />
            ))}
          </div>
        </fieldset>
        <Field
          label={t('productForm.weight')}
          hint={t('fields.optional')}
          inputMode="numeric"
          value={draft.weight}
          onChange={(event) => change({ weight: event.target.value })}
          error={fieldError('weightG')}
        />
        <PriceFields draft={draft} change={change} fieldError={fieldError} />
      </section>

      <GuidePointsEditor
        points={draft.guidePoints}
        onChange={(guidePoints) => change({ guidePoints })}
        fieldError={fieldError}
        language={draft.name.original}
      />

      <IndicatorsEditor
        indicators={draft.indicators}
        onChange={(indicators) => change({ indicators })}
        fieldError={fieldError}
        language={draft.name.original}
      />

      <div className="form-footer">
        <SubmitButton busy={form.busy}>{product ? t('common.save') : t('productForm.create')}</SubmitButton>
      </div>
    </form>
  );
}

function RemoveRowButton({
  label,
  onRemove,
  focusAfter,
}: {
  label: string;
  onRemove: () => void;
  focusAfter: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-ghost"
      aria-label={label}
      onClick={() => {
        onRemove();
        focusSoon(focusAfter);
      }}
    >
      {t('localised.remove')}
    </button>
  );
}

function PriceFields({
  draft,
  change,
  fieldError,
}: {
  draft: ProductDraft;
  change: (patch: Partial<ProductDraft>) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const currencies = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    return Intl.supportedValuesOf('currency').map((code) => ({ code, name: names.of(code) ?? code }));
  }, [i18n.language]);
  return (
    <fieldset className="inline-fields">
      <legend>{t('productForm.price')}</legend>
      <p className="field-hint">{t('productForm.priceHint')}</p>
      <div className="field-row compact">
        <Field
          label={t('productForm.priceMin')}
          inputMode="decimal"
          value={draft.priceMin}
          onChange={(event) => change({ priceMin: event.target.value })}
          error={fieldError('price.min') ?? fieldError('price')}
        />
        <Field
          label={t('productForm.priceMax')}
          inputMode="decimal"
          value={draft.priceMax}
          onChange={(event) => change({ priceMax: event.target.value })}
          error={fieldError('price.max')}
        />
        <SelectField
          label={t('productForm.currency')}
          value={draft.currency}
          onChange={(event) => change({ currency: event.target.value })}
          error={fieldError('price.currency')}
        >
          <option value="">{t('productForm.chooseCurrency')}</option>
          {currencies.map((currency) => (
            <option key={currency.code} value={currency.code}>
              {currency.code} — {currency.name}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}

function GuidePointsEditor({
  points,
  onChange,
  fieldError,
  language,
}: {
  points: GuidePointDraft[];
  onChange: (points: GuidePointDraft[]) => void;
  fieldError: (path: string) => string | undefined;
  language: string;
}) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const point = points[index];
    const other = points[target];
    if (!point || !other) return;
    const next = [...points];
    next[index] = other;
    next[target] = point;
    onChange(next);
    const stillMovable = by === -1 ? target > 0 : target < points.length - 1;
    pendingFocus.current = `${point.key}-${(by === -1) === stillMovable ? 'up' : 'down'}`;
    setAnnouncement(t('guideEditor.moved', { from: index + 1, to: target + 1 }));
  };

  const update = (key: string, patch: Partial<GuidePointDraft>) =>
    onChange(points.map((point) => (point.key === key ? { ...point, ...patch } : point)));

  return (
    <section className="panel" aria-labelledby="guide-points">
      <h2 id="guide-points">{t('guideEditor.title')}</h2>
      <p className="field-hint">{t('guideEditor.intro')}</p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {points.length === 0 && <p className="empty">{t('guideEditor.empty')}</p>}
      <ol className="plain-list guide-editor-list">
        {points.map((point, index) => {
          const path = `guidePoints.${index}`;
          const headingId = `${point.key}-heading`;
          return (
            <li key={point.key}>
              <article className="card guide-point-editor" aria-labelledby={headingId}>
                <h3 id={headingId} tabIndex={-1}>
                  {t('guideEditor.point', { number: index + 1 })}
                  {point.visibility === 'covert' && (
                    <>
                      {' '}
                      <span className="badge badge-covert">{t('guide.covertBadge')}</span>
                    </>
                  )}
                </h3>
                <LocalisedTextField
                  label={t('guideEditor.pointTitle')}
                  hint={t('guideEditor.pointTitleHint')}
                  value={point.title}
                  onChange={(title) => update(point.key, { title })}
                  maxLength={200}
                  errorAt={(sub) => fieldError(sub ? `${path}.title.${sub}` : `${path}.title`)}
                />
                <LocalisedTextField
                  label={t('guideEditor.pointText')}
                  hint={t('guideEditor.pointTextHint')}
                  value={point.body}
                  onChange={(body) => update(point.key, { body })}
                  multiline
                  rows={4}
                  maxLength={5000}
                  errorAt={(sub) => fieldError(sub ? `${path}.body.${sub}` : `${path}.body`)}
                />
                <div className="comparison-editor">
                  <ImageField
                    label={t('guideEditor.genuineImage')}
                    kind="genuine"
                    value={point.genuineImageId}
                    onChange={(genuineImageId) => update(point.key, { genuineImageId })}
                  />
                  <ImageField
                    label={t('guideEditor.counterfeitImage')}
                    kind="counterfeit"
                    value={point.counterfeitImageId}
                    onChange={(counterfeitImageId) => update(point.key, { counterfeitImageId })}
                  />
                </div>
                <RadioGroup
                  legend={t('guideEditor.visibility')}
                  name={`${point.key}-visibility`}
                  value={point.visibility}
                  onChange={(visibility) => update(point.key, { visibility })}
                  error={fieldError(`${path}.visibility`)}
                  choices={[
                    {
                      value: 'overt',
                      label: t('guideEditor.overt'),
                      description: t('guideEditor.overtDescription'),
                    },
                    {
                      value: 'covert',
                      label: t('guideEditor.covert'),
                      description: t('guideEditor.covertDescription'),
                    },
                  ]}
                />
                <div className="actions">
                  <button
                    id={`${point.key}-up`}
                    type="button"
                    className="button-secondary"
                    disabled={index === 0}
                    aria-label={t('guideEditor.moveUpOf', { number: index + 1 })}
                    onClick={() => move(index, -1)}
                  >
                    {t('guideEditor.moveUp')}
                  </button>
                  <button
                    id={`${point.key}-down`}
                    type="button"
                    className="button-secondary"
                    disabled={index === points.length - 1}
                    aria-label={t('guideEditor.moveDownOf', { number: index + 1 })}
                    onClick={() => move(index, 1)}
                  >
                    {t('guideEditor.moveDown')}
                  </button>
                  <button
                    type="button"
                    className="button-danger"
                    aria-label={t('guideEditor.removeOf', { number: index + 1 })}
                    onClick={() => {
                      onChange(points.filter((item) => item.key !== point.key));
                      setAnnouncement(t('guideEditor.removed', { number: index + 1 }));
                      pendingFocus.current = 'add-guide-point';
                    }}
                  >
                    {t('guideEditor.remove')}
                  </button>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <button
        id="add-guide-point"
        type="button"
        className="button-secondary"
        onClick={() => {
          const point = newGuidePoint(language);
          onChange([...points, point]);
          pendingFocus.current = `${point.key}-heading`;
        }}
      >
        {t('guideEditor.add')}
      </button>
    </section>
  );
}

function IndicatorsEditor({
  indicators,
  onChange,
  fieldError,
  language,
}: {
  indicators: IndicatorDraft[];
  onChange: (indicators: IndicatorDraft[]) => void;
  fieldError: (path: string) => string | undefined;
  language: string;
}) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<IndicatorDraft>) =>
    onChange(indicators.map((indicator) => (indicator.key === key ? { ...indicator, ...patch } : indicator)));
  return (
    <section className="panel" aria-labelledby="indicators">
      <h2 id="indicators">{t('indicators.title')}</h2>
      <p className="field-hint">{t('indicators.intro')}</p>
      {indicators.length === 0 && <p className="empty">{t('indicators.empty')}</p>}
      <ol className="plain-list guide-editor-list">
        {indicators.map((indicator, index) => {
          const path = `indicators.${index}`;
          const headingId = `${indicator.key}-heading`;
          return (
            <li key={indicator.key}>
              <article className="card" aria-labelledby={headingId}>
                <h3 id={headingId} tabIndex={-1}>
                  {t('indicators.number', { number: index + 1 })}
                </h3>
                <SelectField
                  label={t('indicators.kind')}
                  value={indicator.kind}
                  onChange={(event) =>
                    update(indicator.key, {
                      kind: INDICATOR_KINDS.find((kind) => kind === event.target.value) ?? 'other',
                    })
                  }
                  error={fieldError(`${path}.kind`)}
                >
                  {INDICATOR_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`indicatorKinds.${kind}`)}
                    </option>
                  ))}
                </SelectField>
                <LocalisedTextField
                  label={t('indicators.text')}
                  value={indicator.text}
                  onChange={(text) => update(indicator.key, { text })}
                  multiline
                  rows={2}
                  maxLength={2000}
                  errorAt={(sub) => fieldError(sub ? `${path}.text.${sub}` : `${path}.text`)}
                />
                <div className="actions">
                  <button
                    type="button"
                    className="button-danger"
                    aria-label={t('indicators.removeOf', { number: index + 1 })}
                    onClick={() => {
                      onChange(indicators.filter((item) => item.key !== indicator.key));
                      focusSoon('add-indicator');
                    }}
                  >
                    {t('indicators.remove')}
                  </button>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <button
        id="add-indicator"
        type="button"
        className="button-secondary"
        onClick={() => {
          const indicator = newIndicator(language);
          onChange([...indicators, indicator]);
          focusSoon(`${indicator.key}-heading`);
        }}
      >
        {t('indicators.add')}
      </button>
    </section>
  );
}
