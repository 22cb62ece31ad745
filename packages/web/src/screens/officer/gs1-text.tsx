import type { Gs1Element, Gs1Error } from '@assay/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { showCode } from '../../scanning/normalise-code';
import { gs1Message } from './gs1-message';

/** A code that could not be read, with the parser's reason. */
export interface Gs1Failure {
  code: string;
  error: Gs1Error;
}

/** Why a scanned or typed code cannot be used, and exactly what was read. */
export function CodeProblem({ failure }: { failure: Gs1Failure }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('scan.unreadable')}</p>
      <p>{gs1Message(t, failure.error)}</p>
      <p>
        {t('scan.codeRead')} <code className="code-shown">{showCode(failure.code)}</code>
      </p>
    </div>
  );
}

/** The GS1 elements of a code (batch, expiry, serial…) named in the reader's language. */
export function ElementList({ elements }: { elements: Gs1Element[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const month = new Intl.DateTimeFormat(format.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const shownValue = (element: Gs1Element) => {
    if (element.date && /^\d{4}-\d{2}-\d{2}$/.test(element.date)) return format.day(element.date);
    if (element.date && /^\d{4}-\d{2}$/.test(element.date))
      return month.format(new Date(`${element.date}-01T00:00:00Z`));
    return element.date ?? element.decimal ?? element.value;
  };
  return (
    <dl className="facts">
      {elements.map((element) => (
        <Fragment key={element.ai}>
          <dt>
            {t(`gs1.ai.${element.ai}`, { defaultValue: element.title })}{' '}
            <span className="muted">({element.ai})</span>
          </dt>
          <dd className={element.date ? undefined : 'mono'}>{shownValue(element)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
