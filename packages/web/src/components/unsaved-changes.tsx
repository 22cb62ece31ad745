import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a form with unsaved changes: in the page for links within the app, through
 * the browser for a reload or a closed tab.
 */
export function UnsavedChangesGuard({ dirty, allow }: { dirty: boolean; allow?: RefObject<boolean> }) {
  const { t } = useTranslation();
  // `allow` is read when the navigation happens: a form that has just saved sets it before moving on.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allow?.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!allow?.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, allow]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (blocker.state === 'blocked' && !dialog.open) dialog.showModal();
    if (blocker.state !== 'blocked' && dialog.open) dialog.close();
  }, [blocker.state]);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby="unsaved-title"
      onCancel={() => blocker.reset?.()}
    >
      <h2 id="unsaved-title">{t('unsaved.title')}</h2>
      <p>{t('unsaved.body')}</p>
      <div className="actions">
        <button type="button" onClick={() => blocker.reset?.()}>
          {t('unsaved.stay')}
        </button>
        <button type="button" className="button-danger" onClick={() => blocker.proceed?.()}>
          {t('unsaved.leave')}
        </button>
      </div>
    </dialog>
  );
}
