import {
  LIMITS,
  SUPPLY_CHAIN_ROLES,
  type SupplyChainRole,
  supplyChainEntryBody,
  supplyRouteBody,
  TRANSPORT_MODES,
  type TransportMode,
} from '@assay/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ProductSummary,
  portfolioApi,
  type SupplyChainEntry,
  type SupplyRoute,
  supplyChainApi,
} from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ChipsField } from '../../components/chips-field';
import { ConfirmButton } from '../../components/confirm-button';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { Field, SelectField, TextAreaField } from '../../components/field';
import { FileImport } from '../../components/file-import';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { PickListField } from '../../components/pick-list-field';
import { SubmitButton } from '../../components/submit-button';
import { listError, type Problems, useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from './portfolio-scope';

/**
 * The legitimate supply chain: the companies genuine goods pass through and their usual routes,
 * for one product or the whole portfolio. Officers compare a shipment with it.
 */
export function SupplyChain() {
  const { t } = useTranslation();
  const format = useFormat();
  const { reader } = useContentLanguages();
  const { rightsHolder } = usePortfolioScope();
  const entries = useResource(() => supplyChainApi.entries(rightsHolder.id), [rightsHolder.id]);
  const routes = useResource(() => supplyChainApi.routes(rightsHolder.id), [rightsHolder.id]);
  const products = useResource(
    () => portfolioApi.products(rightsHolder.id, { lang: reader }),
    [rightsHolder.id, reader],
  );
  const [editingEntry, setEditingEntry] = useState<SupplyChainEntry | null>(null);
  const [editingRoute, setEditingRoute] = useState<SupplyRoute | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [replace, setReplace] = useState(false);
  const productList = products.data?.products ?? [];

  const productCell = (product: { id: string; reference: string } | null) =>
    product ? <code>{product.reference}</code> : t('supplyChain.allProducts');
  const routeText = (route: SupplyRoute) =>
    [route.originCountry, ...route.transitCountries, route.destinationCountry]
      .map(format.country)
      .join(' → ');

  const remove = async (work: () => Promise<void>, name: string) => {
    setRemoveError(null);
    try {
      await work();
      setAnnouncement(t('records.removed', { name }));
    } catch (error) {
      setRemoveError(error);
    }
  };

  const entryColumns: Column<SupplyChainEntry>[] = [
    { header: t('supplyChain.role'), render: (entry) => t(`supplyChainRoles.${entry.role}`) },
    { header: t('supplyChain.name'), render: (entry) => <strong>{entry.name}</strong> },
    { header: t('fields.country'), render: (entry) => format.country(entry.countryCode) },
    {
      header: t('supplyChain.identifiers'),
      render: (entry) =>
        [
          entry.eori && `${t('supplyChain.eori')} ${entry.eori}`,
          entry.taxNumber && `${t('supplyChain.taxNumber')} ${entry.taxNumber}`,
        ]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    { header: t('supplyChain.product'), render: (entry) => productCell(entry.product) },
    {
      header: t('common.actions'),
      render: (entry) => (
        <div className="actions">
          <button
            id={`edit-${entry.id}`}
            type="button"
            className="button-secondary"
            aria-label={t('supplyChain.editNamed', { name: entry.name })}
            onClick={() => setEditingEntry(entry)}
          >
            {t('brands.edit')}
          </button>
          <ConfirmButton
            label={t('records.remove')}
            accessibleLabel={t('records.removeNamed', { name: entry.name })}
            question={t('supplyChain.removeQuestion', { name: entry.name })}
            confirmLabel={t('records.remove')}
            onConfirm={() =>
              remove(async () => {
                await supplyChainApi.removeEntry(rightsHolder.id, entry.id);
                entries.update((current) => ({
                  entries: current.entries.filter((item) => item.id !== entry.id),
                }));
                if (editingEntry?.id === entry.id) setEditingEntry(null);
              }, entry.name)
            }
          />
        </div>
      ),
    },
  ];

  const routeColumns: Column<SupplyRoute>[] = [
    { header: t('supplyChain.route'), render: (route) => routeText(route) },
    {
      header: t('supplyChain.mode'),
      render: (route) => (route.transportMode ? t(`transportModes.${route.transportMode}`) : '—'),
    },
    {
      header: t('supplyChain.ports'),
      render: (route) => <span className="mono">{format.list(route.ports) || '—'}</span>,
    },
    { header: t('supplyChain.carriers'), render: (route) => format.list(route.carriers) || '—' },
    { header: t('supplyChain.product'), render: (route) => productCell(route.product) },
    {
      header: t('common.actions'),
      render: (route) => (
        <div className="actions">
          <button
            id={`edit-${route.id}`}
            type="button"
            className="button-secondary"
            aria-label={t('supplyChain.editRouteNamed', { name: routeText(route) })}
            onClick={() => setEditingRoute(route)}
          >
            {t('brands.edit')}
          </button>
          <ConfirmButton
            label={t('records.remove')}
            accessibleLabel={t('records.removeNamed', { name: routeText(route) })}
            question={t('supplyChain.removeQuestion', { name: routeText(route) })}
            confirmLabel={t('records.remove')}
            onConfirm={() =>
              remove(async () => {
                await supplyChainApi.removeRoute(rightsHolder.id, route.id);
                routes.update((current) => ({
                  routes: current.routes.filter((item) => item.id !== route.id),
                }));
                if (editingRoute?.id === route.id) setEditingRoute(null);
              }, routeText(route))
            }
          />
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('supplyChain.title')}</PageHeading>
      <p className="lead">{t('supplyChain.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={removeError ?? products.error} />

      <section aria-labelledby="supply-entries">
        <h2 id="supply-entries">{t('supplyChain.entries')}</h2>
        <FormError error={entries.error} />
        {entries.loading && !entries.data && <p role="status">{t('app.loading')}</p>}
        {entries.data && (
          <DataTable
            caption={t('supplyChain.entries')}
            columns={entryColumns}
            rows={entries.data.entries}
            rowKey={(entry) => entry.id}
            empty={t('supplyChain.noEntries')}
          />
        )}
        <EntryForm
          key={editingEntry?.id ?? 'new'}
          rightsHolderId={rightsHolder.id}
          entry={editingEntry}
          products={productList}
          onSaved={(saved, created) => {
            entries.update((current) => ({
              entries: created
                ? [...current.entries, saved]
                : current.entries.map((item) => (item.id === saved.id ? saved : item)),
            }));
            setEditingEntry(null);
            setAnnouncement(t(created ? 'records.created' : 'records.saved', { name: saved.name }));
            if (!created) focusSoon(`edit-${saved.id}`);
          }}
          onCancel={() => {
            if (editingEntry) focusSoon(`edit-${editingEntry.id}`);
            setEditingEntry(null);
          }}
        />
      </section>

      <section aria-labelledby="supply-routes">
        <h2 id="supply-routes">{t('supplyChain.routes')}</h2>
        <FormError error={routes.error} />
        {routes.loading && !routes.data && <p role="status">{t('app.loading')}</p>}
        {routes.data && (
          <DataTable
            caption={t('supplyChain.routes')}
            columns={routeColumns}
            rows={routes.data.routes}
            rowKey={(route) => route.id}
            empty={t('supplyChain.noRoutes')}
          />
        )}
        <RouteForm
          key={editingRoute?.id ?? 'new'}
          rightsHolderId={rightsHolder.id}
          route={editingRoute}
          products={productList}
          onSaved={(saved, created) => {
            routes.update((current) => ({
              routes: created
                ? [...current.routes, saved]
                : current.routes.map((item) => (item.id === saved.id ? saved : item)),
            }));
            setEditingRoute(null);
            setAnnouncement(t(created ? 'records.created' : 'records.saved', { name: routeText(saved) }));
            if (!created) focusSoon(`edit-${saved.id}`);
          }}
          onCancel={() => {
            if (editingRoute) focusSoon(`edit-${editingRoute.id}`);
            setEditingRoute(null);
          }}
        />
      </section>

      <section className="panel" aria-labelledby="supply-import">
        <h2 id="supply-import">{t('supplyChain.importTitle')}</h2>
        <p>{t('supplyChain.importIntro')}</p>
        <ul className="link-list">
          <li>
            <a href={supplyChainApi.templateUrl(rightsHolder.id, 'xlsx', 'entries')} download>
              {t('supplyChain.templateXlsx')}
            </a>
          </li>
          <li>
            <a href={supplyChainApi.templateUrl(rightsHolder.id, 'csv', 'entries')} download>
              {t('supplyChain.templateCsvEntries')}
            </a>
          </li>
          <li>
            <a href={supplyChainApi.templateUrl(rightsHolder.id, 'csv', 'routes')} download>
              {t('supplyChain.templateCsvRoutes')}
            </a>
          </li>
        </ul>
        <FileImport
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          fileLabel={t('supplyChain.importFile')}
          fileHint={t('supplyChain.importFileHint')}
          submitLabel={t('supplyChain.import')}
          onImport={async (file) => {
            const result = await supplyChainApi.import(rightsHolder.id, file, replace);
            entries.reload();
            routes.reload();
            return t(result.replaced ? 'supplyChain.importedReplaced' : 'supplyChain.imported', {
              entries: format.number(result.entries),
              routes: format.number(result.routes),
            });
          }}
        >
          <div className="choice">
            <input
              id="supply-replace"
              type="checkbox"
              checked={replace}
              aria-describedby="supply-replace-hint"
              onChange={(event) => setReplace(event.target.checked)}
            />
            <div>
              <label htmlFor="supply-replace" className="choice-label">
                {t('supplyChain.replace')}
              </label>
              <p id="supply-replace-hint" className="choice-description">
                {t('supplyChain.replaceHint')}
              </p>
            </div>
          </div>
        </FileImport>
      </section>
    </>
  );
}

function ProductSelect({
  products,
  value,
  onChange,
  error,
}: {
  products: ProductSummary[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('supplyChain.product')}
      hint={t('supplyChain.productHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    >
      <option value="">{t('supplyChain.allProducts')}</option>
      {products.map((product) => (
        <option key={product.id} value={product.id}>
          {product.reference} — {product.name}
        </option>
      ))}
    </SelectField>
  );
}

function EntryForm({
  rightsHolderId,
  entry,
  products,
  onSaved,
  onCancel,
}: {
  rightsHolderId: string;
  entry: SupplyChainEntry | null;
  products: ProductSummary[];
  onSaved: (entry: SupplyChainEntry, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<SupplyChainRole>(entry?.role ?? 'manufacturer');
  const [name, setName] = useState(entry?.name ?? '');
  const [countryCode, setCountryCode] = useState(entry?.countryCode ?? '');
  const [eori, setEori] = useState(entry?.eori ?? '');
  const [taxNumber, setTaxNumber] = useState(entry?.taxNumber ?? '');
  const [address, setAddress] = useState(entry?.address ?? '');
  const [productId, setProductId] = useState(entry?.product?.id ?? '');
  const form = useForm({ serverProblems: { eori: 'supplyChain.eoriFormat' } });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (entry) headingRef.current?.focus();
  }, [entry]);

  const submit = form.onSubmit(async () => {
    const known: Problems =
      eori.trim() && !/^[A-Z]{2}[0-9A-Z]{1,15}$/.test(eori.trim().toUpperCase().replace(/\s+/g, ''))
        ? { eori: { key: 'supplyChain.eoriFormat' } }
        : {};
    const body = form.check(
      supplyChainEntryBody,
      {
        role,
        name,
        countryCode,
        eori: eori.trim() || null,
        taxNumber: taxNumber || null,
        address: address || null,
        productId: productId || null,
      },
      known,
    );
    const saved = entry
      ? await supplyChainApi.updateEntry(rightsHolderId, entry.id, body)
      : await supplyChainApi.createEntry(rightsHolderId, body);
    onSaved(saved, !entry);
  });

  return (
    <div className="panel">
      <h3 ref={headingRef} tabIndex={-1}>
        {entry ? t('supplyChain.editEntryTitle', { name: entry.name }) : t('supplyChain.newEntryTitle')}
      </h3>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <SelectField
          label={t('supplyChain.role')}
          value={role}
          onChange={(event) =>
            setRole(SUPPLY_CHAIN_ROLES.find((value) => value === event.target.value) ?? 'manufacturer')
          }
          error={form.fieldError('role')}
        >
          {SUPPLY_CHAIN_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`supplyChainRoles.${value}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('supplyChain.name')}
          maxLength={LIMITS.nameMax}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldError('name')}
        />
        <CountrySelect
          label={t('fields.country')}
          value={countryCode}
          onChange={setCountryCode}
          error={form.fieldError('countryCode')}
        />
        <div className="field-row">
          <Field
            label={t('supplyChain.eori')}
            hint={t('supplyChain.eoriHint')}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            value={eori}
            onChange={(event) => setEori(event.target.value)}
            error={form.fieldError('eori')}
          />
          <Field
            label={t('supplyChain.taxNumber')}
            hint={t('fields.optional')}
            spellCheck={false}
            maxLength={50}
            value={taxNumber}
            onChange={(event) => setTaxNumber(event.target.value)}
            error={form.fieldError('taxNumber')}
          />
        </div>
        <TextAreaField
          label={t('supplyChain.address')}
          hint={t('fields.optional')}
          rows={2}
          maxLength={500}
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          error={form.fieldError('address')}
        />
        <ProductSelect
          products={products}
          value={productId}
          onChange={setProductId}
          error={form.fieldError('productId')}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>{entry ? t('common.save') : t('supplyChain.addEntry')}</SubmitButton>
          {entry && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

function RouteForm({
  rightsHolderId,
  route,
  products,
  onSaved,
  onCancel,
}: {
  rightsHolderId: string;
  route: SupplyRoute | null;
  products: ProductSummary[];
  onSaved: (route: SupplyRoute, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [originCountry, setOriginCountry] = useState(route?.originCountry ?? '');
  const [transitCountries, setTransitCountries] = useState<string[]>(route?.transitCountries ?? []);
  const [destinationCountry, setDestinationCountry] = useState(route?.destinationCountry ?? '');
  const [ports, setPorts] = useState<string[]>(route?.ports ?? []);
  const [carriers, setCarriers] = useState<string[]>(route?.carriers ?? []);
  const [transportMode, setTransportMode] = useState<TransportMode | ''>(route?.transportMode ?? '');
  const [productId, setProductId] = useState(route?.product?.id ?? '');
  const form = useForm();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (route) headingRef.current?.focus();
  }, [route]);

  const submit = form.onSubmit(async () => {
    const known = Object.fromEntries(
      ports.flatMap((port, index) =>
        /^[A-Z]{2}[\s-]?[A-Z2-9]{3}$/.test(port.trim().toUpperCase())
          ? []
          : [[`ports.${index}`, { key: 'supplyChain.portFormat', values: { port } }]],
      ),
    );
    const body = form.check(
      supplyRouteBody,
      {
        originCountry,
        transitCountries,
        destinationCountry,
        ports,
        carriers,
        transportMode: transportMode || null,
        productId: productId || null,
      },
      known,
    );
    const saved = route
      ? await supplyChainApi.updateRoute(rightsHolderId, route.id, body)
      : await supplyChainApi.createRoute(rightsHolderId, body);
    onSaved(saved, !route);
  });

  return (
    <div className="panel">
      <h3 ref={headingRef} tabIndex={-1}>
        {route ? t('supplyChain.editRouteTitle') : t('supplyChain.newRouteTitle')}
      </h3>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <CountrySelect
          label={t('supplyChain.origin')}
          value={originCountry}
          onChange={setOriginCountry}
          error={form.fieldError('originCountry')}
        />
        <PickListField
          legend={t('supplyChain.transit')}
          hint={t('fields.optional')}
          values={transitCountries}
          onChange={setTransitCountries}
          options={format.countries.map((country) => ({ value: country.code, label: country.name }))}
          pickerLabel={t('supplyChain.transitToAdd')}
          addLabel={t('productForm.addCountry')}
          error={listError(form.fieldError, 'transitCountries', transitCountries.length)}
        />
        <CountrySelect
          label={t('supplyChain.destination')}
          value={destinationCountry}
          onChange={setDestinationCountry}
          error={form.fieldError('destinationCountry')}
        />
        <ChipsField
          label={t('supplyChain.ports')}
          hint={t('supplyChain.portsHint')}
          values={ports}
          onChange={(values) => setPorts(values.map((value) => value.toUpperCase()))}
          maxLength={6}
          error={listError(form.fieldError, 'ports', ports.length)}
        />
        <ChipsField
          label={t('supplyChain.carriers')}
          hint={t('fields.optional')}
          values={carriers}
          onChange={setCarriers}
          error={listError(form.fieldError, 'carriers', carriers.length)}
        />
        <SelectField
          label={t('supplyChain.mode')}
          value={transportMode}
          onChange={(event) =>
            setTransportMode(TRANSPORT_MODES.find((mode) => mode === event.target.value) ?? '')
          }
          error={form.fieldError('transportMode')}
        >
          <option value="">{t('supplyChain.anyMode')}</option>
          {TRANSPORT_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`transportModes.${mode}`)}
            </option>
          ))}
        </SelectField>
        <ProductSelect
          products={products}
          value={productId}
          onChange={setProductId}
          error={form.fieldError('productId')}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>{route ? t('common.save') : t('supplyChain.addRoute')}</SubmitButton>
          {route && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
