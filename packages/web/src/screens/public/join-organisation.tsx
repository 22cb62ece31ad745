import { joinRequestBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { onboardingApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup, RadioGroup } from '../../components/choice-group';
import { CountrySelect } from '../../components/country-select';
import { Field, TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { type NewAccount, NewAccountFields } from '../../components/new-account-fields';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';

const REQUESTABLE_ROLES = ['officer', 'analyst', 'member'] as const;
type RequestableRole = (typeof REQUESTABLE_ROLES)[number];

/** An officer asks to join their administration; its national coordinator reviews the request. */
export function JoinOrganisation() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [countryCode, setCountryCode] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [account, setAccount] = useState<NewAccount>({
    name: '',
    password: '',
    locale: currentLocale(i18n.language),
  });
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<RequestableRole[]>(['officer']);
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm();

  const directory = useResource(
    async () => (countryCode ? (await onboardingApi.enforcementDirectory(countryCode)).organisations : []),
    [countryCode],
  );
  const organisations = directory.data ?? [];
  const chosen = organisations.find((organisation) => organisation.id === organisationId);

  const submit = form.onSubmit(async () => {
    const body = form.check(joinRequestBody, {
      organisationId: chosen?.id,
      ...account,
      email,
      roles,
      note: note.trim() || undefined,
    });
    await onboardingApi.requestToJoin(body);
    setDone(true);
  });

  if (done) {
    return (
      <section className="panel narrow">
        <PageHeading>{t('join.doneTitle')}</PageHeading>
        <p>{t('join.doneBody', { organisation: chosen?.name })}</p>
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
      <PageHeading>{t('join.title')}</PageHeading>
      <p className="lead">{t('join.intro')}</p>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <h2>{t('join.organisationSection')}</h2>
        <CountrySelect
          label={t('fields.country')}
          value={countryCode}
          error={!countryCode && form.fieldError('organisationId') ? t('join.chooseCountryFirst') : undefined}
          onChange={(code) => {
            setCountryCode(code);
            setOrganisationId(null);
          }}
        />
        {countryCode && directory.loading && <p role="status">{t('app.loading')}</p>}
        <FormError error={directory.error} />
        {countryCode && !directory.loading && organisations.length === 0 && !directory.error && (
          <p className="notice">
            {t('join.noneInCountry', { country: format.country(countryCode) })}{' '}
            <Link to="/register">{t('join.registerInstead')}</Link>
          </p>
        )}
        {organisations.length > 0 && (
          <RadioGroup
            name="organisation"
            legend={t('join.administration')}
            value={organisationId}
            onChange={setOrganisationId}
            error={form.fieldError('organisationId')}
            choices={organisations.map((organisation) => ({
              value: organisation.id,
              label: organisation.name,
              description: t(`kinds.${organisation.kind}`),
            }))}
          />
        )}
        <h2>{t('join.detailsSection')}</h2>
        <NewAccountFields value={account} onChange={setAccount} fieldError={form.fieldError}>
          <Field
            label={t('fields.workEmail')}
            hint={t('join.emailHint')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldError('email')}
          />
        </NewAccountFields>
        <CheckboxGroup
          legend={t('join.roles')}
          value={roles}
          onChange={setRoles}
          error={form.fieldError('roles')}
          choices={REQUESTABLE_ROLES.map((role) => ({
            value: role,
            label: t(`roles.${role}`),
            description: t(`roleDescriptions.${role}`),
          }))}
        />
        <TextAreaField
          label={t('join.note')}
          hint={t('join.noteHint')}
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={form.fieldError('note')}
        />
        <SubmitButton busy={form.busy}>{t('join.submit')}</SubmitButton>
      </form>
    </section>
  );
}
