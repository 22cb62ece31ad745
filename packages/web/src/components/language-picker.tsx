import { isLocale } from '@assay/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../api/endpoints';
import { LANGUAGE_OPTIONS } from '../i18n/format';
import { chooseLocale, currentLocale } from '../i18n/i18n';
import { useSession } from '../session/session-context';

/** Always visible; a signed-in user's choice is saved to their account, otherwise to this browser. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const { session, setSession } = useSession();
  const [failed, setFailed] = useState(false);
  const id = useId();

  const change = async (value: string) => {
    if (!isLocale(value)) return;
    setFailed(false);
    await chooseLocale(value);
    if (session.stage !== 'active') return;
    try {
      setSession(await accountApi.update({ locale: value }));
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={currentLocale(i18n.language)}
        onChange={(event) => void change(event.target.value)}
      >
        {LANGUAGE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="field-error">
          {t('language.notSaved')}
        </span>
      )}
    </div>
  );
}
