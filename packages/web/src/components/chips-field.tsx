import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ChipsFieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  values: readonly string[];
  onChange: (values: string[]) => void;
  maxLength?: number;
}

/** Words typed into the field: a comma or Enter ends one; pasted "a, b, c" gives three. */
function splitWords(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/**
 * A list of short words (aliases, categories) shown as removable chips. Typing a comma or pressing
 * Enter adds what was typed; leaving the field adds it too, so nothing typed is lost on saving.
 */
export function ChipsField({ label, hint, error, values, onChange, maxLength = 100 }: ChipsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;

  const add = (text: string) => {
    const words = splitWords(text).filter(
      (word) => !values.some((value) => value.toLocaleLowerCase() === word.toLocaleLowerCase()),
    );
    setDraft('');
    if (words.length === 0) return;
    onChange([...values, ...words]);
    setAnnouncement(t('chips.added', { words: words.join(', ') }));
  };

  const remove = (word: string) => {
    onChange(values.filter((value) => value !== word));
    setAnnouncement(t('chips.removed', { word }));
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      const last = values[values.length - 1];
      if (last !== undefined) remove(last);
    }
  };

  return (
    <div className="field chips-field">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="field-hint">
        {hint ? `${hint} ` : ''}
        {t('chips.hint')}
      </p>
      {values.length > 0 && (
        <ul className="chips" aria-label={t('chips.listLabel', { label })}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{value}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('chips.remove', { word: value })}
                onClick={() => remove(value)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        id={id}
        value={draft}
        maxLength={maxLength * 5}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const text = event.target.value;
          if (/[,;]/.test(text)) add(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
