import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { SelectField } from './field';

interface CountrySelectProps {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/** Every country, named and sorted in the reader's language. */
export function CountrySelect({ label, value, onChange, error, hint }: CountrySelectProps) {
  const { t } = useTranslation();
  const { countries } = useFormat();
  return (
    <SelectField
      label={label}
      hint={hint}
      error={error}
      value={value}
      autoComplete="country"
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{t('fields.chooseCountry')}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </SelectField>
  );
}
