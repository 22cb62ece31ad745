import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type Company, companiesApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { NotFound } from '../app/not-found';
import { ContactCard } from './contact-card';

/**
 * Rights holders and their brands, open to every approved enforcement user without a share: who
 * owns a brand seen on goods, and whom to call.
 */
export function Companies() {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const companies = useResource(() => companiesApi.list(query || undefined), [query]);
  const searchId = useId();

  return (
    <>
      <PageHeading>{t('companies.title')}</PageHeading>
      <p className="lead">{t('companies.intro')}</p>
      <search>
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(draft.trim());
          }}
        >
          <div className="field">
            <label htmlFor={searchId}>{t('companies.search')}</label>
            <p id={`${searchId}-hint`} className="field-hint">
              {t('companies.searchHint')}
            </p>
            <input
              id={searchId}
              type="search"
              aria-describedby={`${searchId}-hint`}
              maxLength={100}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <button type="submit" className="button-secondary">
            {t('companies.searchButton')}
          </button>
        </form>
      </search>
      <FormError error={companies.error} />
      {companies.loading && <p role="status">{t('app.loading')}</p>}
      {companies.data && companies.data.rightsHolders.length === 0 && (
        <p className="empty">{t('companies.empty')}</p>
      )}
      <ul className="cards">
        {companies.data?.rightsHolders.map((company) => (
          <li key={company.id}>
            <article className="card" aria-labelledby={`company-${company.id}`}>
              <h2 id={`company-${company.id}`} className="card-title">
                <Link to={`/guides/rights-holders/${company.id}`}>{company.name}</Link>
              </h2>
              {company.countryCode && <p className="muted">{format.country(company.countryCode)}</p>}
              <p>{format.list(company.brands.map((brand) => brand.name)) || t('companies.noBrands')}</p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One rights holder's company information: brands with their other names, and its contacts. */
export function CompanyPage() {
  const { t } = useTranslation();
  const { rightsHolderId = '' } = useParams();
  const company = useResource(() => companiesApi.get(rightsHolderId), [rightsHolderId]);
  if (company.error instanceof ApiError && company.error.code === 'not_found') return <NotFound />;
  return (
    <>
      <p>
        <Link to="/guides/rights-holders">{t('companies.back')}</Link>
      </p>
      <FormError error={company.error} />
      {company.loading && !company.data && <p role="status">{t('app.loading')}</p>}
      {company.data && <CompanyContent company={company.data} />}
    </>
  );
}

function CompanyContent({ company }: { company: Company }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <PageHeading>{company.name}</PageHeading>
      <dl className="facts">
        {company.countryCode && (
          <>
            <dt>{t('fields.country')}</dt>
            <dd>{format.country(company.countryCode)}</dd>
          </>
        )}
        {company.website && (
          <>
            <dt>{t('register.website')}</dt>
            <dd>
              <a href={company.website} target="_blank" rel="noreferrer noopener">
                {company.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="company-brands">
        <h2 id="company-brands">{t('brands.title')}</h2>
        {company.brands.length === 0 && <p className="empty">{t('companies.noBrands')}</p>}
        <ul className="plain-list record-list">
          {company.brands.map((brand) => (
            <li key={brand.id} className="card">
              <p className="record-name">{brand.name}</p>
              <dl className="facts compact">
                <dt>{t('brands.aliases')}</dt>
                <dd>{format.list(brand.aliases) || '—'}</dd>
                <dt>{t('brands.categories')}</dt>
                <dd>{format.list(brand.categories) || '—'}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="company-contacts">
        <h2 id="company-contacts">{t('contacts.title')}</h2>
        {company.contacts.length === 0 && <p className="empty">{t('guide.noContacts')}</p>}
        <ul className="plain-list record-list">
          {company.contacts.map((contact) => (
            <ContactCard key={contact.id} contact={contact} />
          ))}
        </ul>
      </section>
    </>
  );
}
