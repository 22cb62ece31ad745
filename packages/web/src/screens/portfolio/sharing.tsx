import { sharesBody } from '@assay/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DirectoryEntry, directoryApi, portfolioApi, type Share } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { RadioGroup } from '../../components/choice-group';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { PickListField } from '../../components/pick-list-field';
import { LanguageMarker } from '../../components/shown-text';
import { SubmitButton } from '../../components/submit-button';
import { type Problems, useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { NotFound } from '../app/not-found';
import { usePortfolioScope } from './portfolio-scope';
import { ProductTabs } from './product-tabs';

type Reach = 'named' | 'all' | 'countries';

interface NamedOrganisation {
  id: string;
  name: string;
  countryCode: string | null;
  includesCovert: boolean;
}

interface SharingDraft {
  reach: Reach;
  countries: string[];
  organisations: NamedOrganisation[];
}

function draftFromShares(shares: Share[]): SharingDraft {
  const countries = shares.flatMap((share) =>
    share.kind === 'country' && share.countryCode ? [share.countryCode] : [],
  );
  return {
    reach: shares.some((share) => share.kind === 'all')
      ? 'all'
      : countries.length > 0
        ? 'countries'
        : 'named',
    countries,
    organisations: shares.flatMap((share) =>
      share.kind === 'organisation' && share.organisationId
        ? [
            {
              id: share.organisationId,
              name: share.organisationName ?? share.organisationId,
              countryCode: null,
              includesCovert: share.includesCovert,
            },
          ]
        : [],
    ),
  };
}

function sharesInput(draft: SharingDraft) {
  return {
    shares: [
      ...(draft.reach === 'all' ? [{ kind: 'all' as const }] : []),
      ...(draft.reach === 'countries'
        ? draft.countries.map((countryCode) => ({ kind: 'country' as const, countryCode }))
        : []),
      ...draft.organisations.map((organisation) => ({
        kind: 'organisation' as const,
        organisationId: organisation.id,
        includesCovert: organisation.includesCovert,
      })),
    ],
  };
}

/**
 * Whom one product's guide is shared with: every enforcement organisation, those of chosen
 * countries, and organisations named one by one — the only ones that may also receive covert points.
 */
export function Sharing() {
  const { t } = useTranslation();
  const { productId = '' } = useParams();
  const { rightsHolder } = usePortfolioScope();
  const { reader } = useContentLanguages();
  const products = useResource(
    () => portfolioApi.products(rightsHolder.id, { lang: reader }),
    [rightsHolder.id, reader],
  );
  const shares = useResource(
    () => portfolioApi.shares(rightsHolder.id, productId),
    [rightsHolder.id, productId],
  );
  const product = products.data?.products.find((candidate) => candidate.id === productId);

  if (shares.error && (shares.error as { code?: string }).code === 'not_found') return <NotFound />;
  return (
    <>
      <p>
        <Link to="/portfolio/products">{t('productForm.back')}</Link>
      </p>
      <PageHeading>
        {product ? (
          <>
            {t('sharing.titleOf')} <span lang={product.nameLanguage}>{product.name}</span>
            {product.nameLanguage !== reader && (
              <>
                {' '}
                <LanguageMarker language={product.nameLanguage} />
              </>
            )}
          </>
        ) : (
          t('sharing.title')
        )}
      </PageHeading>
      <ProductTabs productId={productId} />
      <FormError error={shares.error ?? products.error} />
      {shares.loading && !shares.data && <p role="status">{t('app.loading')}</p>}
      {shares.data && (
        <SharingForm
          rightsHolderId={rightsHolder.id}
          productId={productId}
          initial={shares.data.shares}
          onSaved={(saved) => shares.update(() => ({ shares: saved }))}
        />
      )}
    </>
  );
}

function SharingForm({
  rightsHolderId,
  productId,
  initial,
  onSaved,
}: {
  rightsHolderId: string;
  productId: string;
  initial: Share[];
  onSaved: (shares: Share[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<SharingDraft>(() => draftFromShares(initial));
  const [announcement, setAnnouncement] = useState('');
  const form = useForm();
  const directory = useResource(() => directoryApi.enforcementOrganisations(), []);
  const countryOf = new Map(
    (directory.data?.organisations ?? []).map((organisation) => [organisation.id, organisation.countryCode]),
  );

  const submit = form.onSubmit(async () => {
    const known: Problems =
      draft.reach === 'countries' && draft.countries.length === 0
        ? { countries: { key: 'sharing.noCountry' } }
        : {};
    const body = form.check(sharesBody, sharesInput(draft), known);
    const saved = await portfolioApi.replaceShares(rightsHolderId, productId, body);
    onSaved(saved.shares);
    setDraft(draftFromShares(saved.shares));
    setAnnouncement(t('sharing.saved'));
  });

  const summary = (() => {
    const parts: string[] = [];
    if (draft.reach === 'all') parts.push(t('sharing.summaryAll'));
    if (draft.reach === 'countries' && draft.countries.length)
      parts.push(
        t('sharing.summaryCountries', { countries: format.list(draft.countries.map(format.country)) }),
      );
    if (draft.organisations.length)
      parts.push(
        t('sharing.summaryNamed', { organisations: format.list(draft.organisations.map((o) => o.name)) }),
      );
    return parts.length ? format.list(parts) : t('sharing.summaryNobody');
  })();

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={form.error} />
      <p className="notice">{t('sharing.current', { summary })}</p>
      <section className="panel" aria-labelledby="sharing-overt">
        <h2 id="sharing-overt">{t('sharing.overtTitle')}</h2>
        <p className="field-hint">{t('sharing.overtIntro')}</p>
        <RadioGroup<Reach>
          legend={t('sharing.reach')}
          name="reach"
          value={draft.reach}
          onChange={(reach) => setDraft((current) => ({ ...current, reach }))}
          choices={[
            { value: 'all', label: t('sharing.reachAll'), description: t('sharing.reachAllDescription') },
            {
              value: 'countries',
              label: t('sharing.reachCountries'),
              description: t('sharing.reachCountriesDescription'),
            },
            {
              value: 'named',
              label: t('sharing.reachNamed'),
              description: t('sharing.reachNamedDescription'),
            },
          ]}
        />
        {draft.reach === 'countries' && (
          <PickListField
            legend={t('sharing.countries')}
            values={draft.countries}
            onChange={(countries) => setDraft((current) => ({ ...current, countries }))}
            options={format.countries.map((country) => ({ value: country.code, label: country.name }))}
            pickerLabel={t('sharing.countryToAdd')}
            addLabel={t('sharing.addCountry')}
            emptyText={t('sharing.noCountryYet')}
            error={form.fieldError('countries')}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="sharing-named">
        <h2 id="sharing-named">{t('sharing.namedTitle')}</h2>
        <p className="field-hint">{t('sharing.namedIntro')}</p>
        <aside className="explainer" aria-labelledby="covert-why">
          <h3 id="covert-why">{t('sharing.covertWhyTitle')}</h3>
          <p id="covert-why-text">{t('sharing.covertWhy')}</p>
        </aside>
        {draft.organisations.length === 0 && <p className="empty">{t('sharing.noNamed')}</p>}
        <ul className="plain-list named-list">
          {draft.organisations.map((organisation, index) => {
            const countryCode = organisation.countryCode ?? countryOf.get(organisation.id) ?? null;
            return (
              <li key={organisation.id} className="card">
                <h3 className="named-name">
                  {organisation.name}
                  {countryCode && <span className="muted"> · {format.country(countryCode)}</span>}
                </h3>
                <div className="choice">
                  <input
                    id={`covert-${organisation.id}`}
                    type="checkbox"
                    checked={organisation.includesCovert}
                    aria-describedby="covert-why-text"
                    onChange={(event) =>
                      setDraft((current) => ({
                        ...current,
                        organisations: current.organisations.map((item) =>
                          item.id === organisation.id
                            ? { ...item, includesCovert: event.target.checked }
                            : item,
                        ),
                      }))
                    }
                  />
                  <label htmlFor={`covert-${organisation.id}`} className="choice-label">
                    {t('sharing.includeCovert', { name: organisation.name })}
                  </label>
                </div>
                {form.fieldError(`shares.${index}.organisationId`) && (
                  <p className="field-error">{form.fieldError(`shares.${index}.organisationId`)}</p>
                )}
                <div className="actions">
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={t('sharing.removeNamed', { name: organisation.name })}
                    onClick={() => {
                      setDraft((current) => ({
                        ...current,
                        organisations: current.organisations.filter((item) => item.id !== organisation.id),
                      }));
                      requestAnimationFrame(() => document.getElementById('named-picker')?.focus());
                    }}
                  >
                    {t('localised.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        <OrganisationPicker
          organisations={directory.data?.organisations ?? []}
          exclude={draft.organisations.map((organisation) => organisation.id)}
          error={directory.error}
          onPick={(organisation) =>
            setDraft((current) => ({
              ...current,
              organisations: [
                ...current.organisations,
                {
                  id: organisation.id,
                  name: organisation.name,
                  countryCode: organisation.countryCode,
                  includesCovert: false,
                },
              ],
            }))
          }
        />
      </section>
      <div className="form-footer">
        <SubmitButton busy={form.busy}>{t('sharing.save')}</SubmitButton>
      </div>
    </form>
  );
}

/** Approved enforcement organisations, grouped by country, to name one by one. */
function OrganisationPicker({
  organisations,
  exclude,
  error,
  onPick,
}: {
  organisations: DirectoryEntry[];
  exclude: string[];
  error: unknown;
  onPick: (organisation: DirectoryEntry) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [chosen, setChosen] = useState('');
  const id = useId();
  const groups = new Map<string, DirectoryEntry[]>();
  for (const organisation of organisations) {
    if (exclude.includes(organisation.id)) continue;
    const key = organisation.countryCode ?? '';
    groups.set(key, [...(groups.get(key) ?? []), organisation]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => format.country(a).localeCompare(format.country(b)));
  return (
    <div className="field-row">
      <FormError error={error} />
      <div className="field">
        <label htmlFor="named-picker">{t('sharing.organisationToAdd')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('sharing.organisationToAddHint')}
        </p>
        <select
          id="named-picker"
          aria-describedby={`${id}-hint`}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{t('sharing.chooseOrganisation')}</option>
          {sorted.map(([countryCode, members]) => (
            <optgroup key={countryCode} label={format.country(countryCode) || t('sharing.unknownCountry')}>
              {members.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name} ({t(`kinds.${organisation.kind}`)})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const organisation = organisations.find((candidate) => candidate.id === chosen);
          if (organisation) onPick(organisation);
          setChosen('');
        }}
      >
        {t('sharing.addOrganisation')}
      </button>
    </div>
  );
}
