import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { isChunkLoadError, reloadForNewBuild } from '../offline/stale-build';

/**
 * What a screen that failed shows instead of the router's English default: after a release, a new
 * version to load (reloaded once by itself); otherwise a translated apology with a way on.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const stale = isChunkLoadError(error);
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    if (stale) setReloading(reloadForNewBuild());
  }, [stale]);

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main className="panel">
        <PageHeading>{t('notFound.title')}</PageHeading>
        <p>{t('notFound.body')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </main>
    );
  }
  return (
    <main className="panel" role="alert">
      <PageHeading>{stale ? t('appError.newVersionTitle') : t('appError.title')}</PageHeading>
      <p>{stale ? t('appError.newVersionBody') : t('appError.body')}</p>
      {!reloading && (
        <p className="actions">
          <button type="button" onClick={() => window.location.reload()}>
            {t('appError.reload')}
          </button>
          <a href="/">{t('notFound.home')}</a>
        </p>
      )}
    </main>
  );
}
