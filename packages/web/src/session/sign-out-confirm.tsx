import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../offline/db';

/**
 * Asked before signing out while reports are still on the phone: signing out deletes them (the next
 * person must not see them), so the officer sees which ones and may stay signed in to send them.
 */
export function SignOutConfirm({
  reports,
  onAnswer,
}: {
  reports: OutboxEntry[];
  onAnswer: (signOut: boolean) => void;
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="sign-out-confirm"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={titleId}>{t('signOutConfirm.title', { count: reports.length })}</h2>
      <p>{t('signOutConfirm.explanation')}</p>
      <ul>
        {reports.map((report) => (
          <li key={report.key}>
            {report.title}{' '}
            <span className="muted">
              ({report.state === 'attention' ? t('signOutConfirm.refused') : t('signOutConfirm.waiting')})
            </span>
          </li>
        ))}
      </ul>
      <p className="actions">
        <button type="button" onClick={() => onAnswer(false)}>
          {t('signOutConfirm.stay')}
        </button>
        <button type="button" className="button-danger" onClick={() => onAnswer(true)}>
          {t('signOutConfirm.signOutAnyway')}
        </button>
      </p>
    </dialog>
  );
}
