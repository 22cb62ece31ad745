import { type VerificationView, verificationTestBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authenticationApi } from '../../api/endpoints';
import { CountrySelect } from '../../components/country-select';
import { TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from '../portfolio/portfolio-scope';
import { useVerdictText } from './verdict-text';

const SEVERITY_TONES = { ok: 'good', warning: 'waiting', alert: 'bad', unknown: 'neutral' } as const;

/** Verify a code as an officer of a chosen country would, to check a connector; recorded nowhere. */
export function TestConsole() {
  const { t } = useTranslation();
  const { rightsHolder } = usePortfolioScope();
  const form = useForm({ serverProblems: { code: 'authentication.test.badCode' } });
  const [code, setCode] = useState('');
  const [country, setCountry] = useState('');
  const [result, setResult] = useState<VerificationView | null>(null);

  const submit = form.onSubmit(async () => {
    setResult(null);
    const body = form.check(verificationTestBody, { code, country });
    setResult(await authenticationApi.test(rightsHolder.id, body));
  });

  return (
    <>
      <PageHeading>{t('authentication.test.title')}</PageHeading>
      <p className="lead">{t('authentication.test.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate className="panel">
        <FormError error={form.error} />
        <TextAreaField
          label={t('authentication.test.code')}
          hint={t('authentication.test.codeHint')}
          rows={3}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={form.fieldError('code')}
          className="mono"
          spellCheck={false}
          autoCapitalize="off"
        />
        <CountrySelect
          label={t('authentication.test.country')}
          value={country}
          onChange={setCountry}
          error={form.fieldError('country')}
        />
        <div className="form-footer">
          <SubmitButton busy={form.busy}>{t('authentication.test.run')}</SubmitButton>
        </div>
      </form>
      <div aria-live="polite">{result && <TestResult result={result} />}</div>
    </>
  );
}

function TestResult({ result }: { result: VerificationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useVerdictText();
  return (
    <section className="panel" aria-labelledby="test-result" data-verdict={result.verdict}>
      <h2 id="test-result">{t('authentication.test.result')}</h2>
      <p>
        <span className={`badge badge-${SEVERITY_TONES[result.severity]}`}>
          {text.verdict(result.verdict)}
        </span>{' '}
        <span className="muted">{t(`authentication.severity.${result.severity}`)}</span>
      </p>
      {result.considerDetaining && <p className="notice">{t('authentication.test.considerDetaining')}</p>}
      <h3>{t('authentication.test.findings')}</h3>
      <ul>
        {result.findings.map((finding) => (
          <li key={finding.verdict}>{text.reason(finding)}</li>
        ))}
        {result.clone.map((clone) => (
          <li key={clone.rule}>
            {text.clone(clone)}{' '}
            {clone.earlierScans.length > 0 &&
              t('authentication.verifications.earlier', { scans: text.earlierScans(clone) })}
          </li>
        ))}
      </ul>
      {result.unavailableReason && (
        <p>
          {t('authentication.test.unavailable', {
            outcome: t(`authentication.outcomes.${result.unavailableReason}`),
          })}
        </p>
      )}
      {result.handOffUrl && (
        <p>
          <a href={result.handOffUrl} target="_blank" rel="noreferrer">
            {t('authentication.test.handOff')}
          </a>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('authentication.test.gtin')}</dt>
          <dd className="mono">{result.gtin}</dd>
        </div>
        <div>
          <dt>{t('authentication.test.serial')}</dt>
          <dd className="mono">{result.serial}</dd>
        </div>
        {result.batch && (
          <div>
            <dt>{t('authentication.test.batch')}</dt>
            <dd className="mono">{result.batch}</dd>
          </div>
        )}
        {result.expiry && (
          <div>
            <dt>{t('authentication.test.expiry')}</dt>
            <dd>{result.expiry.length === 10 ? format.day(result.expiry) : result.expiry}</dd>
          </div>
        )}
        <div>
          <dt>{t('authentication.test.answeredBy')}</dt>
          <dd>
            {result.connectorKind
              ? t(`authentication.kinds.${result.connectorKind}`)
              : t('authentication.test.noConnector')}
          </dd>
        </div>
        <div>
          <dt>{t('authentication.test.country')}</dt>
          <dd>{format.country(result.country)}</dd>
        </div>
      </dl>
      <p className="muted">{t('authentication.test.recordedNowhere')}</p>
    </section>
  );
}
