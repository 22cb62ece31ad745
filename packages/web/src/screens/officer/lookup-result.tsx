import { type GtinLookupView, parseGs1 } from '@assay/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { searchApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useContentLanguages } from '../../i18n/content-languages';
import { displayGtin } from '../portfolio/product-draft';
import { CodeProblem, ElementList } from './gs1-text';
import { ResultList } from './result-list';
import { guidePath } from './search-query';
import { useVerificationEntry, verificationEntryState } from './use-verification';
import { VerificationPanel } from './verification';
import './officer.css';

/**
 * What a scanned or typed code (`?code=`) leads to: the guide of the one product carrying its GTIN
 * (replacing this page, so back returns to scanning), a choice among several, or a plain "none"
 * with the company whose GS1 prefix the GTIN carries. The data read from the code is listed too.
 * A code with a serial number is verified with the rights holder, and the verdict comes first.
 */
export function LookupResult() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const parsed = useMemo(() => parseGs1(code), [code]);

  if (!code) return <Navigate to="/scan" replace />;
  if (!parsed.ok) {
    return (
      <>
        <PageHeading>{t('lookup.invalidTitle')}</PageHeading>
        <CodeProblem failure={{ code, error: parsed.error }} />
        <NextSteps />
      </>
    );
  }
  if (!parsed.gtin) {
    return (
      <>
        <PageHeading>{t('lookup.noGtinTitle')}</PageHeading>
        <p>{t('lookup.noGtin')}</p>
        <Elements elements={parsed.elements} />
        <NextSteps />
      </>
    );
  }
  return <GtinResult code={code} gtin={parsed.gtin} elements={parsed.elements} />;
}

type Elements = Extract<ReturnType<typeof parseGs1>, { ok: true }>['elements'];

function GtinResult({ code, gtin, elements }: { code: string; gtin: string; elements: Elements }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { reader } = useContentLanguages();
  const lookup = useResource(() => searchApi.lookupGtin(gtin, reader), [gtin, reader]);
  const only = lookup.data?.products.length === 1 ? lookup.data.products[0] : undefined;
  // The guide shows the verification this lookup started instead of verifying the code again.
  const entry = useVerificationEntry();

  useEffect(() => {
    if (only)
      navigate(guidePath(only.productId, code), { replace: true, state: verificationEntryState(entry) });
  }, [only, code, entry, navigate]);

  const shown = displayGtin(gtin);
  // Started at once, not after the lookup: the guide it leads to picks the same check up.
  const verification = <VerificationPanel code={code} brand={checkedBrand(lookup.data)} />;
  if (only)
    return (
      <>
        <p role="status">{t('app.loading')}</p>
        {verification}
      </>
    );
  return (
    <>
      {lookup.data && lookup.data.products.length > 1 ? (
        <>
          <PageHeading>{t('lookup.title', { gtin: shown })}</PageHeading>
          {verification}
          <p>{t('lookup.several')}</p>
          <ResultList
            results={lookup.data.products}
            reader={reader}
            code={code}
            linkState={verificationEntryState(entry)}
            label={t('lookup.products')}
          />
        </>
      ) : lookup.data ? (
        <>
          <PageHeading>{t('lookup.noneTitle')}</PageHeading>
          {verification}
          <p className="lead">{t('lookup.none', { gtin: shown })}</p>
          <PrefixOwner lookup={lookup.data} />
        </>
      ) : (
        <>
          <PageHeading>{t('lookup.title', { gtin: shown })}</PageHeading>
          {verification}
          <FormError error={lookup.error} />
          {lookup.loading && <p role="status">{t('lookup.checking')}</p>}
        </>
      )}
      <Elements elements={elements} />
      <NextSteps />
    </>
  );
}

/** Who the serial is checked with, as far as the lookup knows before the answer names them. */
function checkedBrand(lookup: GtinLookupView | undefined): string | null {
  const brands = new Set(lookup?.products.map((product) => product.brandName));
  if (brands.size === 1) return [...brands][0] ?? null;
  return lookup?.prefixOwner?.rightsHolder.name ?? null;
}

function PrefixOwner({ lookup }: { lookup: GtinLookupView }) {
  const { t } = useTranslation();
  const owner = lookup.prefixOwner;
  if (!owner) return <p>{t('lookup.noPrefixOwner')}</p>;
  const name = owner.rightsHolder.name;
  return (
    <section className="panel" aria-labelledby="lookup-owner">
      <h2 id="lookup-owner">{t('lookup.prefixOwner', { name })}</h2>
      <p>{t('lookup.prefixOwnerHint', { prefix: owner.prefix })}</p>
      <p>
        <Link to={`/guides/rights-holders/${owner.rightsHolder.id}`}>
          {t('lookup.companyPage', { name })}
        </Link>
      </p>
      <h3>{t('lookup.contacts')}</h3>
      {owner.contacts.length === 0 ? (
        <p className="empty">{t('lookup.noContacts')}</p>
      ) : (
        <ul className="cards">
          {owner.contacts.map((contact) => (
            <li key={`${contact.name}-${contact.email ?? contact.phone ?? ''}`} className="card contact-card">
              <p className="record-name">{contact.name}</p>
              {contact.title && <p className="muted">{contact.title}</p>}
              <ul className="contact-links">
                {contact.phone && (
                  <li>
                    <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
                  </li>
                )}
                {contact.email && (
                  <li>
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </li>
                )}
              </ul>
              <p className="muted">
                {t('contacts.hours')}:{' '}
                {contact.alwaysAvailable ? (
                  <strong>{t('contacts.alwaysAvailable')}</strong>
                ) : (
                  (contact.hours ?? '—')
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Elements({ elements }: { elements: Elements }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="lookup-elements">
      <h2 id="lookup-elements">{t('lookup.elements')}</h2>
      <ElementList elements={elements} />
    </section>
  );
}

function NextSteps() {
  const { t } = useTranslation();
  return (
    <p className="officer-actions">
      <Link className="button-link" to="/scan">
        {t('lookup.scanAgain')}
      </Link>
      <Link className="button-link" to="/search">
        {t('lookup.search')}
      </Link>
    </p>
  );
}
