import type { Gs1Element, Gs1Error } from '@assay/core';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { showCode } from '../../scanning/normalise-code';

/** A code that could not be read, with the parser's reason. */
export interface Gs1Failure {
  code: string;
  error: Gs1Error;
}

/** A character named in a message: quoted, or its code point when it cannot be seen. */
function shownCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || codePoint === 0x7f || /\s/u.test(character)) {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${character}"`;
}

/** The parser's precise reason in the reader's language, with its values (AI, position, digits…). */
export function gs1Message(t: TFunction, error: Gs1Error): string {
  const params = error.params;
  const values: Record<string, string | number> = { ...params };
  if (typeof params.unit === 'string') values.unit = t(`gs1.units.${params.unit}`);
  if (typeof params.allowed === 'string') values.allowed = t(`gs1.allowed.${params.allowed}`);
  if (typeof params.part === 'string') values.part = t(`gs1.parts.${params.part}`);
  for (const name of ['found', 'character']) {
    const value = params[name];
    if (typeof value === 'string') values[name] = shownCharacter(value);
  }
  let key: string = error.code;
  if (error.code === 'too_short' && params.length === 0) key = 'too_short_empty';
  if (error.code === 'bad_date' && params.part === 'day' && params.daysInMonth !== undefined)
    key = 'bad_date_day';
  return t(`gs1.errors.${key}`, values);
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
