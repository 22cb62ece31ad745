import { type SessionView, twoFactorBody } from '@assay/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Enrolment, sessionApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { RecoveryCodes } from '../../components/recovery-codes';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';

/** Sets up an authenticator app: QR code or key, a first code, then the recovery codes. */
export function TwoFactorSetup({
  onDone,
  headingLevel = 2,
}: {
  onDone: (session: SessionView) => void;
  /** Level of the step headings, one below the heading the setup sits under. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const { t } = useTranslation();
  // Each start makes a new secret; keep one request even when effects run twice in development.
  const started = useRef<Promise<Enrolment> | null>(null);
  const enrolment = useResource(() => {
    started.current ??= sessionApi.startEnrolment();
    return started.current;
  }, []);
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState<{ recoveryCodes: string[]; session: SessionView } | null>(null);
  const form = useForm();

  if (confirmed) {
    return (
      <RecoveryCodes
        codes={confirmed.recoveryCodes}
        headingLevel={headingLevel}
        onDone={() => onDone(confirmed.session)}
      />
    );
  }
  if (enrolment.loading) return <p role="status">{t('app.loading')}</p>;
  if (!enrolment.data) {
    return (
      <>
        <FormError error={enrolment.error} />
        <button
          type="button"
          onClick={() => {
            started.current = null;
            enrolment.reload();
          }}
        >
          {t('common.retry')}
        </button>
      </>
    );
  }

  const { secret, qrSvg } = enrolment.data;
  const submit = form.onSubmit(async () => {
    const body = form.check(twoFactorBody, { code });
    setConfirmed(await sessionApi.confirmEnrolment(body.code));
  });

  return (
    <ol className="steps">
      <li>
        <Heading>{t('enrolment.stepApp')}</Heading>
        <p>{t('enrolment.stepAppBody')}</p>
      </li>
      <li>
        <Heading>{t('enrolment.stepScan')}</Heading>
        <img
          className="qr"
          src={`data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`}
          alt={t('enrolment.qrAlt')}
          width={200}
          height={200}
        />
        <Field
          label={t('enrolment.secret')}
          hint={t('enrolment.secretHint')}
          readOnly
          value={secret}
          className="mono"
        />
      </li>
      <li>
        <Heading>{t('enrolment.stepCode')}</Heading>
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <FormError error={form.error} />
          <Field
            label={t('enrolment.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={form.fieldError('code')}
          />
          <SubmitButton busy={form.busy}>{t('enrolment.confirm')}</SubmitButton>
        </form>
      </li>
    </ol>
  );
}
