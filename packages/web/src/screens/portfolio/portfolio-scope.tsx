import { createContext, useContext, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { representationsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../session/session-context';

export interface RightsHolderChoice {
  id: string;
  name: string;
}

interface PortfolioScope {
  /** The rights holder whose portfolio the pages show and change. */
  rightsHolder: RightsHolderChoice;
}

const PortfolioScopeContext = createContext<PortfolioScope | null>(null);

/** The rights holder the portfolio pages act for (set by {@link PortfolioLayout}). */
export function usePortfolioScope(): PortfolioScope {
  const value = useContext(PortfolioScopeContext);
  if (!value) throw new Error('usePortfolioScope must be used inside PortfolioLayout');
  return value;
}

const STORAGE_KEY = 'assay.portfolio.rightsHolder';

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeChoice(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** The rights holders a legal representative firm acts for (nothing to load for a rights holder). */
function useRepresentedRightsHolders(enabled: boolean) {
  const represented = useResource(
    async () => (enabled ? (await representationsApi.represented()).rightsHolders : []),
    [enabled],
  );
  return {
    choices: represented.data ?? [],
    loading: represented.loading && !represented.data,
    error: represented.error,
  };
}

/**
 * Frame of the portfolio pages. A rights holder manages its own portfolio; a legal representative
 * firm picks, with the switcher, which of the rights holders it represents it is acting for.
 */
export function PortfolioLayout() {
  const { t } = useTranslation();
  const { session } = useSession();
  const organisation = session.organisation;
  const isRepresentative = organisation?.kind === 'legal_representative';
  const represented = useRepresentedRightsHolders(isRepresentative);
  const [chosenId, setChosenId] = useState<string | null>(storedChoice);
  const navigate = useNavigate();
  const location = useLocation();
  const switcherId = useId();

  const choices: RightsHolderChoice[] = isRepresentative
    ? represented.choices
    : organisation
      ? [{ id: organisation.id, name: organisation.name }]
      : [];
  const rightsHolder = choices.find((choice) => choice.id === chosenId) ?? choices[0];

  useEffect(() => {
    if (rightsHolder && isRepresentative) storeChoice(rightsHolder.id);
  }, [rightsHolder, isRepresentative]);

  if (represented.loading) return <p role="status">{t('app.loading')}</p>;
  if (represented.error) return <FormError error={represented.error} />;
  if (!rightsHolder) {
    return (
      <section className="panel">
        <PageHeading>{t('portfolio.noClientTitle')}</PageHeading>
        <p>{t('portfolio.noClientBody')}</p>
      </section>
    );
  }

  const choose = (id: string) => {
    setChosenId(id);
    storeChoice(id);
    // A product page belongs to one rights holder: after switching, go back to the list.
    if (/^\/portfolio\/products\/.+/.test(location.pathname)) navigate('/portfolio/products');
  };

  return (
    <PortfolioScopeContext.Provider value={{ rightsHolder }}>
      {isRepresentative && (
        <div className="scope-bar">
          <label htmlFor={switcherId}>{t('portfolio.actingFor')}</label>
          <select id={switcherId} value={rightsHolder.id} onChange={(event) => choose(event.target.value)}>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <Outlet />
    </PortfolioScopeContext.Provider>
  );
}
