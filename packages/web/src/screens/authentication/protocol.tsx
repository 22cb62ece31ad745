import { CONNECTOR_LIMITS } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { BackToConnectors } from './connector-tabs';

const SIGNED_PAYLOAD = '<assay-timestamp> + "." + <assay-request-id> + "." + <raw request body>';
const EXAMPLE_ANSWER = `{
  "requestId": "…",
  "found": true,
  "state": "active",
  "batch": "B2311A",
  "expiry": "2028-06-30",
  "intendedMarkets": ["FR", "BE", "LU"]
}`;

/** A short version of docs/authentication-endpoint.md: what an endpoint connector must do. */
export function Protocol() {
  const { t } = useTranslation();
  return (
    <>
      <BackToConnectors />
      <PageHeading>{t('authentication.protocol.title')}</PageHeading>
      <p className="lead">{t('authentication.protocol.intro')}</p>
      <section className="panel" aria-labelledby="protocol-request">
        <h2 id="protocol-request">{t('authentication.protocol.requestTitle')}</h2>
        <p>{t('authentication.protocol.request')}</p>
      </section>
      <section className="panel" aria-labelledby="protocol-signature">
        <h2 id="protocol-signature">{t('authentication.protocol.signatureTitle')}</h2>
        <p>{t('authentication.protocol.signature')}</p>
        <pre className="mono">
          <code>{SIGNED_PAYLOAD}</code>
        </pre>
        <p>{t('authentication.protocol.signatureCheck')}</p>
      </section>
      <section className="panel" aria-labelledby="protocol-answer">
        <h2 id="protocol-answer">{t('authentication.protocol.answerTitle')}</h2>
        <p>{t('authentication.protocol.answer')}</p>
        <pre className="mono">
          <code>{EXAMPLE_ANSWER}</code>
        </pre>
      </section>
      <section className="panel" aria-labelledby="protocol-failures">
        <h2 id="protocol-failures">{t('authentication.protocol.failuresTitle')}</h2>
        <p>
          {t('authentication.protocol.failures', {
            min: CONNECTOR_LIMITS.timeoutMsMin,
            max: CONNECTOR_LIMITS.timeoutMsMax,
          })}
        </p>
      </section>
      <p>
        <a href="/api/docs">{t('authentication.protocol.apiDocs')}</a>
      </p>
    </>
  );
}
