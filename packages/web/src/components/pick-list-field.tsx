import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from './field';
import { focusSoon } from './focus';

interface PickListFieldProps {
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Every choice, already named and sorted in the reader's language. */
  options: readonly { value: string; label: string }[];
  pickerLabel: string;
  addLabel: string;
  /** What an empty list means ("Worldwide"), shown in place of the chips. */
  emptyText?: string;
}

/**
 * Several values chosen one at a time from a long list (countries, languages): the chosen ones as
 * removable chips, a select and an Add button. Works the same with a keyboard, a screen reader
 * and a finger, where a multiple select does not.
 */
export function PickListField({
  legend,
  hint,
  error,
  values,
  onChange,
  options,
  pickerLabel,
  addLabel,
  emptyText,
}: PickListFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [candidate, setCandidate] = useState('');
  const nameOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  const addId = `${id}-add`;
  return (
    <fieldset className="row-list" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {values.length > 0 ? (
        <ul className="chips" aria-label={t('chips.listLabel', { label: legend })}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{nameOf(value)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('chips.remove', { word: nameOf(value) })}
                onClick={() => {
                  onChange(values.filter((item) => item !== value));
                  focusSoon(addId);
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        emptyText && <p className="muted">{emptyText}</p>
      )}
      <div className="field-row">
        <SelectField
          label={pickerLabel}
          value={candidate}
          onChange={(event) => setCandidate(event.target.value)}
          error={error}
        >
          <option value="">{t('pickList.choose')}</option>
          {options
            .filter((option) => !values.includes(option.value))
            .map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
        </SelectField>
        <button
          id={addId}
          type="button"
          className="button-secondary"
          onClick={() => {
            if (candidate && !values.includes(candidate)) onChange([...values, candidate]);
            setCandidate('');
          }}
        >
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
