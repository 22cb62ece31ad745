import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyButton } from '../../components/copy-button';
import { Field } from '../../components/field';

/** An endpoint's signing secret, shown this once after creation or rotation. */
export function SigningSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The secret replaces the form the person just submitted: take them to it.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="panel panel-highlight" aria-labelledby="signing-secret-title">
      <h2 id="signing-secret-title" ref={headingRef} tabIndex={-1}>
        {t('authentication.secret.title')}
      </h2>
      <p className="notice" role="note">
        <strong>{t('authentication.secret.warning')}</strong>
      </p>
      <Field label={t('authentication.secret.label')} readOnly value={secret} className="mono" />
      <div className="actions">
        <CopyButton text={secret} label={t('authentication.secret.copy')} />
        <button type="button" onClick={onDone}>
          {t('authentication.secret.done')}
        </button>
      </div>
      <p>
        {t('authentication.secret.protocolIntro')}{' '}
        <Link to="/authentication/protocol">{t('authentication.protocol.link')}</Link>
      </p>
    </section>
  );
}
