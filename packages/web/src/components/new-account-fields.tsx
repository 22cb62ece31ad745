import { LIMITS, type Locale } from '@assay/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { LanguageSelect } from './language-select';

/** What a person types to create an account, with its field errors. */
export interface NewAccount {
  name: string;
  password: string;
  locale: Locale;
}

interface Props {
  value: NewAccount;
  onChange(value: NewAccount): void;
  /** Field error for a path relative to the account (`name`, `password`). */
  fieldError(path: keyof NewAccount): string | undefined;
  nameLabel?: string | undefined;
  /** Fields shown between the name and the password (an email address, say). */
  children?: ReactNode;
}

/** Name, password and language of a new account: shared by registration, join requests and invitations. */
export function NewAccountFields({ value, onChange, fieldError, nameLabel, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={nameLabel ?? t('fields.yourName')}
        autoComplete="name"
        maxLength={LIMITS.nameMax}
        value={value.name}
        onChange={(event) => onChange({ ...value, name: event.target.value })}
        error={fieldError('name')}
      />
      {children}
      <Field
        label={t('fields.password')}
        hint={t('fields.passwordHint', { min: LIMITS.passwordMin })}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
        error={fieldError('password')}
      />
      <LanguageSelect
        label={t('fields.accountLanguage')}
        value={value.locale}
        onChange={(locale) => onChange({ ...value, locale })}
      />
    </>
  );
}
