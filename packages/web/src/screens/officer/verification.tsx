import type { VerdictSeverity, VerificationView } from '@assay/core';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { useVerification, type Verification } from './use-verification';
import { type VerificationText, verificationText } from './verification-text';
import './officer.css';

const ICONS: Record<VerdictSeverity, string> = { ok: '✓', warning: '!', alert: '✕', unknown: '?' };

/**
 * The verdict on a scanned serialised pack, shown above the lookup result or the guide: the code is
 * sent to the rights holder's check once when opened, and the answer is announced when it comes.
 * Nothing is shown for a code without a serial number.
 */
export function VerificationPanel({
  code,
  brand,
}: {
  code: string | null;
  brand?: string | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const verification = useVerification(code);
  if (verification.status === 'none') return null;
  const done = verification.status === 'done' ? verification : null;
  const text = done ? verificationText(t, format, done.view) : null;
  return (
    <section
      className={`panel verification verification-${text?.severity ?? 'unknown'}`}
      aria-labelledby={headingId}
      aria-busy={verification.status === 'checking'}
      data-verdict={done?.view.verdict}
    >
      <h2 id={headingId}>{t('verification.title')}</h2>
      {/* One live region from the first render, so that the answer replacing "Checking…" is announced. */}
      <div role="status">
        {text ? (
          <p className="verification-headline">
            <span className="verification-icon" aria-hidden="true">
              {ICONS[text.severity]}
            </span>
            <span>
              <span className="verification-severity">{text.severityLabel}:</span> {text.headline}
            </span>
          </p>
        ) : (
          <p className={verification.status === 'checking' ? 'verification-checking' : undefined}>
            {pendingMessage(t, verification, brand)}
          </p>
        )}
      </div>
      {done && text && <VerdictDetails view={done.view} text={text} />}
    </section>
  );
}

/** What stands in the verdict's place while checking, offline or refused. */
function pendingMessage(t: TFunction, verification: Verification, brand: string | null | undefined): string {
  switch (verification.status) {
    case 'checking':
      return brand ? t('verification.checkingBrand', { brand }) : t('verification.checking');
    case 'offline':
      return t('verification.error.offline');
    case 'failed': {
      const { error } = verification;
      if (error instanceof ApiError && error.status === 403) return t('verification.error.forbidden');
      if (error instanceof ApiError && error.status === 429) return t('verification.error.rateLimited');
      return t('verification.error.failed');
    }
    default:
      return '';
  }
}

/** Only an absolute web address is offered as the brand's page. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function VerdictDetails({ view, text }: { view: VerificationView; text: VerificationText }) {
  const { t } = useTranslation();
  const handOffUrl = safeUrl(view.handOffUrl);
  return (
    <>
      {text.considerDetaining && <p className="verification-detain">{text.considerDetaining}</p>}
      <ul className="verification-reasons">
        {text.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {text.clone.map((fired) => (
        <div key={fired.rule} className="verification-clone">
          <p>{fired.text}</p>
          {fired.earlierScans.length > 0 && (
            <>
              <h3>{t('verification.earlierScans')}</h3>
              <ul>
                {fired.earlierScans.map((scan, index) => (
                  // Two checks can share a country and a minute; the list never changes once answered.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                  <li key={index}>{scan}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
      {text.advice.length > 0 && (
        <ul className="verification-advice">
          {text.advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {handOffUrl && (
        <p>
          <a className="button-link" href={handOffUrl} target="_blank" rel="noopener noreferrer">
            {t('verification.handOff')} <span className="visually-hidden">{t('verification.newTab')}</span>
          </a>
        </p>
      )}
      <p className="muted verification-source">{text.source}</p>
    </>
  );
}
