import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContentLanguages } from '../i18n/content-languages';
import type { LocalisedDraft } from './localised-text';

interface LocalisedTextFieldProps {
  label: string;
  hint?: string | undefined;
  value: LocalisedDraft;
  onChange: (value: LocalisedDraft) => void;
  multiline?: boolean;
  rows?: number;
  maxLength: number;
  optional?: boolean;
  /** The form's field error at a path under this text (`texts.fr`, `original`, or the text itself). */
  errorAt: (path: string) => string | undefined;
}

/**
 * One text in several languages: a box per language entered, the original marked, "Add a language"
 * for a translation. Each box carries its `lang`, so spelling checks and screen readers use it.
 */
export function LocalisedTextField({
  label,
  hint,
  value,
  onChange,
  multiline = false,
  rows = 3,
  maxLength,
  optional = false,
  errorAt,
}: LocalisedTextFieldProps) {
  const { t } = useTranslation();
  const languages = useContentLanguages();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [candidate, setCandidate] = useState('');
  const [focusLanguage, setFocusLanguage] = useState<string | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const pickerRef = useRef<HTMLSelectElement>(null);
  const wasAdding = useRef(false);

  const present = [value.original, ...Object.keys(value.texts).filter((code) => code !== value.original)];
  const available = languages.options.filter((option) => !present.includes(option.code));
  const generalError = errorAt('') ?? errorAt('texts') ?? errorAt('original');
  const hintId = hint || optional ? `${id}-hint` : undefined;
  const errorId = generalError ? `${id}-error` : undefined;

  useEffect(() => {
    if (adding) pickerRef.current?.focus();
    else if (wasAdding.current && focusLanguage === null) addButtonRef.current?.focus();
    wasAdding.current = adding;
  }, [adding, focusLanguage]);

  useEffect(() => {
    if (focusLanguage === null) return;
    document.getElementById(`${id}-${focusLanguage}`)?.focus();
    setFocusLanguage(null);
  }, [focusLanguage, id]);

  const setText = (language: string, text: string) =>
    onChange({ ...value, texts: { ...value.texts, [language]: text } });

  const addLanguage = () => {
    const language = candidate || available[0]?.code;
    if (!language) return;
    onChange({ ...value, texts: { ...value.texts, [language]: '' } });
    setAdding(false);
    setCandidate('');
    setFocusLanguage(language);
  };

  const removeLanguage = (language: string) => {
    const { [language]: _removed, ...texts } = value.texts;
    onChange({ ...value, texts });
    addButtonRef.current?.focus();
  };

  return (
    <fieldset
      className="localised-field"
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      aria-invalid={generalError ? true : undefined}
    >
      <legend>{label}</legend>
      {hintId && (
        <p id={hintId} className="field-hint">
          {[hint, optional ? t('fields.optional') : ''].filter(Boolean).join(' ')}
        </p>
      )}
      {present.map((language) => {
        const inputId = `${id}-${language}`;
        const error = errorAt(`texts.${language}`);
        const errorIdOf = error ? `${inputId}-error` : undefined;
        const isOriginal = language === value.original;
        const common = {
          id: inputId,
          lang: language,
          value: value.texts[language] ?? '',
          maxLength,
          'aria-describedby': errorIdOf,
          'aria-invalid': error ? (true as const) : undefined,
        };
        return (
          <div key={language} className="localised-row">
            <div className="localised-row-head">
              <label htmlFor={inputId}>
                {languages.name(language)}
                {isOriginal && (
                  <>
                    {' '}
                    <span className="badge badge-neutral">{t('localised.original')}</span>
                  </>
                )}
              </label>
              {!isOriginal && (
                <span className="localised-row-actions">
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={t('localised.makeOriginalOf', {
                      language: languages.inSentence(language),
                      field: label,
                    })}
                    onClick={() => onChange({ ...value, original: language })}
                  >
                    {t('localised.makeOriginal')}
                  </button>
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={t('localised.removeOf', {
                      language: languages.inSentence(language),
                      field: label,
                    })}
                    onClick={() => removeLanguage(language)}
                  >
                    {t('localised.remove')}
                  </button>
                </span>
              )}
            </div>
            {multiline ? (
              <textarea {...common} rows={rows} onChange={(event) => setText(language, event.target.value)} />
            ) : (
              <input {...common} onChange={(event) => setText(language, event.target.value)} />
            )}
            {error && (
              <p id={errorIdOf} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {generalError && (
        <p id={errorId} className="field-error" role="alert">
          {generalError}
        </p>
      )}
      {adding ? (
        <div className="localised-add">
          <label htmlFor={`${id}-add`}>{t('localised.languageToAdd')}</label>
          <select
            ref={pickerRef}
            id={`${id}-add`}
            value={candidate || available[0]?.code || ''}
            onChange={(event) => setCandidate(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setAdding(false);
            }}
          >
            {available.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={addLanguage}>
              {t('localised.add')}
            </button>
            <button type="button" className="button-ghost" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        available.length > 0 && (
          <button
            ref={addButtonRef}
            type="button"
            className="button-ghost localised-add-button"
            aria-label={t('localised.addLanguageTo', { field: label })}
            onClick={() => setAdding(true)}
          >
            {t('localised.addLanguage')}
          </button>
        )
      )}
    </fieldset>
  );
}
