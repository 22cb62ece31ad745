import { CONNECTOR_LIMITS, verificationPolicyBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authenticationApi, directoryApi, type VerificationPolicy } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { RadioGroup } from '../../components/choice-group';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { PickListField } from '../../components/pick-list-field';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from '../portfolio/portfolio-scope';

type Authorities = VerificationPolicy['authorities'];

/** Which enforcement organisations may verify the rights holder's codes, and how often each may. */
export function Policy() {
  const { t } = useTranslation();
  const { rightsHolder } = usePortfolioScope();
  const policy = useResource(() => authenticationApi.policy(rightsHolder.id), [rightsHolder.id]);
  return (
    <>
      <PageHeading>{t('authentication.policy.title')}</PageHeading>
      <p className="lead">{t('authentication.policy.intro')}</p>
      <FormError error={policy.error} />
      {policy.loading && !policy.data && <p role="status">{t('app.loading')}</p>}
      {policy.data && (
        <PolicyForm
          key={rightsHolder.id}
          rightsHolderId={rightsHolder.id}
          initial={policy.data}
          onSaved={(saved) => policy.update(() => saved)}
        />
      )}
    </>
  );
}

function PolicyForm({
  rightsHolderId,
  initial,
  onSaved,
}: {
  rightsHolderId: string;
  initial: VerificationPolicy;
  onSaved: (policy: VerificationPolicy) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm();
  const directory = useResource(() => directoryApi.enforcementOrganisations(), []);
  const [authorities, setAuthorities] = useState<Authorities>(initial.authorities);
  const [organisationIds, setOrganisationIds] = useState<string[]>(initial.organisationIds);
  const [countries, setCountries] = useState<string[]>(initial.countries);
  const [rate, setRate] = useState(String(initial.ratePerHour));
  const [announcement, setAnnouncement] = useState('');

  // Named organisations stay nameable even when the directory no longer lists them (suspended since).
  const organisationOptions = [
    ...(directory.data?.organisations ?? []).map((organisation) => ({
      value: organisation.id,
      label: organisation.countryCode
        ? t('authentication.policy.organisationOption', {
            name: organisation.name,
            country: format.country(organisation.countryCode),
          })
        : organisation.name,
    })),
    ...initial.organisations
      .filter((organisation) => !directory.data?.organisations.some((entry) => entry.id === organisation.id))
      .map((organisation) => ({ value: organisation.id, label: organisation.name })),
  ].sort((a, b) => a.label.localeCompare(b.label, format.locale));

  const submit = form.onSubmit(async () => {
    setAnnouncement('');
    const listedEmpty = authorities === 'listed' && organisationIds.length === 0 && countries.length === 0;
    const body = form.check(
      verificationPolicyBody,
      {
        authorities,
        organisationIds: authorities === 'listed' ? organisationIds : [],
        countries: authorities === 'listed' ? countries : [],
        ratePerHour: Number(rate),
      },
      listedEmpty ? { organisationIds: { key: 'authentication.policy.listedEmpty' } } : {},
    );
    const saved = await authenticationApi.setPolicy(rightsHolderId, body);
    onSaved(saved);
    setAnnouncement(t('authentication.policy.saved'));
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="panel">
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={form.error ?? directory.error} />
      <RadioGroup<Authorities>
        legend={t('authentication.policy.authorities')}
        name="authorities"
        value={authorities}
        onChange={setAuthorities}
        choices={[
          {
            value: 'all',
            label: t('authentication.policy.all'),
            description: t('authentication.policy.allDescription'),
          },
          {
            value: 'listed',
            label: t('authentication.policy.listed'),
            description: t('authentication.policy.listedDescription'),
          },
        ]}
      />
      {authorities === 'listed' && (
        <>
          <PickListField
            legend={t('authentication.policy.organisations')}
            values={organisationIds}
            onChange={setOrganisationIds}
            options={organisationOptions}
            pickerLabel={t('authentication.policy.organisationToAdd')}
            addLabel={t('authentication.policy.addOrganisation')}
            emptyText={t('authentication.policy.noOrganisation')}
            error={form.fieldError('organisationIds')}
          />
          <PickListField
            legend={t('authentication.policy.countries')}
            values={countries}
            onChange={setCountries}
            options={format.countries.map((country) => ({ value: country.code, label: country.name }))}
            pickerLabel={t('authentication.policy.countryToAdd')}
            addLabel={t('authentication.policy.addCountry')}
            emptyText={t('authentication.policy.noCountry')}
            error={form.fieldError('countries')}
          />
        </>
      )}
      <Field
        label={t('authentication.policy.rate')}
        hint={t('authentication.policy.rateHint', { max: format.number(CONNECTOR_LIMITS.ratePerHourMax) })}
        type="number"
        inputMode="numeric"
        min={1}
        max={CONNECTOR_LIMITS.ratePerHourMax}
        value={rate}
        onChange={(event) => setRate(event.target.value)}
        error={form.fieldError('ratePerHour')}
      />
      <div className="form-footer">
        <SubmitButton busy={form.busy}>{t('authentication.policy.save')}</SubmitButton>
      </div>
    </form>
  );
}
