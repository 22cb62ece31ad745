import type { Locale } from '@assay/core';
import { LANGUAGE_OPTIONS } from '../i18n/format';
import { SelectField } from './field';

/** Language of an account or an email, each named in itself. */
export function LanguageSelect({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: Locale;
  onChange: (locale: Locale) => void;
  hint?: string;
}) {
  return (
    <SelectField
      label={label}
      hint={hint}
      value={value}
      onChange={(event) => {
        const option = LANGUAGE_OPTIONS.find((candidate) => candidate.value === event.target.value);
        if (option) onChange(option.value);
      }}
    >
      {LANGUAGE_OPTIONS.map((option) => (
        <option key={option.value} value={option.value} lang={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}
