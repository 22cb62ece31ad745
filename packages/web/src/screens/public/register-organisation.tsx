import { LIMITS, REGISTRABLE_KINDS, registrationBody, requiresCountry } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { onboardingApi } from '../../api/endpoints';
import { RadioGroup } from '../../components/choice-group';
import { CountrySelect } from '../../components/country-select';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { type NewAccount, NewAccountFields } from '../../components/new-account-fields';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { currentLocale } from '../../i18n/i18n';

type RegistrableKind = (typeof REGISTRABLE_KINDS)[number];

/** People type "example.com"; the API wants a full URL. */
function withScheme(website: string): string | undefined {
  const trimmed = website.trim();
  if (!trimmed) return undefined;
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** A new organisation asks to join Assay, with its first administrator; the operator reviews it. */
export function RegisterOrganisation() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<RegistrableKind | null>(null);
  const [name, setName] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const [website, setWebsite] = useState('');
  const [admin, setAdmin] = useState<NewAccount>({
    name: '',
    password: '',
    locale: currentLocale(i18n.language),
  });
  const [email, setEmail] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm();
  const needsCountry = kind !== null && requiresCountry(kind);

  const submit = form.onSubmit(async () => {
    const body = form.check(registrationBody, {
      organisation: {
        name,
        kind: kind ?? undefined,
        countryCode: needsCountry && countryCode ? countryCode : undefined,
        website: withScheme(website),
      },
      admin: { ...admin, email },
    });
    await onboardingApi.register(body);
    setDone(true);
  });

  if (done) {
    return (
      <section className="panel narrow">
        <PageHeading>{t('register.doneTitle')}</PageHeading>
        <p>{t('register.doneBody', { organisation: name.trim() })}</p>
        <p>{t('register.doneSignIn')}</p>
        <p>
          <Link to="/sign-in" state={{ email }}>
            {t('register.goToSignIn')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="panel">
      <PageHeading>{t('register.title')}</PageHeading>
      <p className="lead">{t('register.intro')}</p>
      <p>
        {t('register.officerHint')} <Link to="/join">{t('register.officerLink')}</Link>
      </p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <h2>{t('register.organisationSection')}</h2>
        <RadioGroup
          name="kind"
          legend={t('register.kind')}
          value={kind}
          onChange={setKind}
          error={form.fieldError('organisation.kind')}
          choices={REGISTRABLE_KINDS.map((value) => ({
            value,
            label: t(`kinds.${value}`),
            description: t(`kindDescriptions.${value}`),
          }))}
        />
        <Field
          label={t('register.organisationName')}
          autoComplete="organization"
          maxLength={LIMITS.nameMax}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldError('organisation.name')}
        />
        {needsCountry && (
          <CountrySelect
            label={t('fields.country')}
            hint={t('register.countryHint')}
            value={countryCode}
            onChange={setCountryCode}
            error={form.fieldError('organisation.countryCode')}
          />
        )}
        <Field
          label={t('register.website')}
          hint={t('fields.optional')}
          type="url"
          autoComplete="url"
          value={website}
          onChange={(event) => setWebsite(event.target.value)}
          error={form.fieldError('organisation.website')}
        />
        <h2>{t('register.adminSection')}</h2>
        <p>{t('register.adminIntro')}</p>
        <NewAccountFields
          value={admin}
          onChange={setAdmin}
          fieldError={(path) => form.fieldError(`admin.${path}`)}
        >
          <Field
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldError('admin.email')}
          />
        </NewAccountFields>
        <SubmitButton busy={form.busy}>{t('register.submit')}</SubmitButton>
      </form>
    </section>
  );
}
