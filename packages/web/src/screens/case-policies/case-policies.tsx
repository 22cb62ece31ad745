import { casePolicyBody } from '@assay/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type CasePolicy, casePoliciesApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup } from '../../components/choice-group';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { listError, useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { Forbidden } from '../app/not-found';
import {
  addHoliday,
  mayEditPolicies,
  type PolicyDraft,
  policyBody,
  policyDraft,
  policyProblems,
  WEEKDAYS,
  weekdayName,
} from './policy-draft';

/** Policy pages: the operator's admins, and national coordinators. */
function RequirePolicyEditor({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const kind = session.organisation?.kind;
  return kind && mayEditPolicies(kind, session.roles) ? children : <Forbidden />;
}

export function CasePolicies() {
  return (
    <RequirePolicyEditor>
      <PolicyList />
    </RequirePolicyEditor>
  );
}

export function CasePolicyEditor() {
  return (
    <RequirePolicyEditor>
      <PolicyEditor />
    </RequirePolicyEditor>
  );
}

/** The country a national coordinator edits; the operator edits any. */
function useOwnCountry(): string | null {
  const { session } = useSession();
  return session.organisation?.kind === 'platform_operator'
    ? null
    : (session.organisation?.countryCode ?? null);
}

/** The countries that set their own deadlines and calendar; the others follow the defaults. */
function PolicyList() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const ownCountry = useOwnCountry();
  const [country, setCountry] = useState('');
  const policies = useResource(() => casePoliciesApi.list(), []);
  const weekend = (days: number[]) => format.list(days.map((day) => weekdayName(day, format.locale)));
  const editable = (code: string) => ownCountry === null || ownCountry === code;

  const columns: Column<CasePolicy>[] = [
    { header: t('casePolicies.country'), render: (policy) => format.country(policy.countryCode) },
    { header: t('casePolicies.answerDays'), render: (policy) => format.number(policy.answerDays) },
    { header: t('casePolicies.perishableDays'), render: (policy) => format.number(policy.perishableDays) },
    { header: t('casePolicies.timeZone'), render: (policy) => policy.timeZone },
    { header: t('casePolicies.weekend'), render: (policy) => weekend(policy.weekend) || '—' },
    {
      header: t('casePolicies.holidays'),
      render: (policy) => t('casePolicies.holidayCount', { count: policy.holidays.length }),
    },
    {
      header: t('common.actions'),
      render: (policy) =>
        editable(policy.countryCode) ? (
          <Link
            to={`/case-policies/${policy.countryCode}`}
            aria-label={t('casePolicies.editCountry', { country: format.country(policy.countryCode) })}
          >
            {t('casePolicies.edit')}
          </Link>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeading>{t('casePolicies.title')}</PageHeading>
      <p className="lead">{t('casePolicies.intro')}</p>
      {ownCountry ? (
        <p>
          <Link className="button-link" to={`/case-policies/${ownCountry}`}>
            {t('casePolicies.editCountry', { country: format.country(ownCountry) })}
          </Link>
        </p>
      ) : (
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            if (country) navigate(`/case-policies/${country}`);
          }}
        >
          <CountrySelect label={t('casePolicies.chooseCountry')} value={country} onChange={setCountry} />
          <button type="submit">{t('casePolicies.open')}</button>
        </form>
      )}
      <FormError error={policies.error} />
      {policies.loading && <p role="status">{t('app.loading')}</p>}
      {policies.data && (
        <DataTable
          caption={t('casePolicies.title')}
          columns={columns}
          rows={policies.data.policies}
          rowKey={(policy) => policy.countryCode}
          empty={t('casePolicies.empty')}
        />
      )}
    </>
  );
}

/** One country's policy: deadlines in working days, its time zone, weekend and public holidays. */
function PolicyEditor() {
  const { t } = useTranslation();
  const format = useFormat();
  const { countryCode = '' } = useParams();
  const code = countryCode.toUpperCase();
  const ownCountry = useOwnCountry();
  const policy = useResource(() => casePoliciesApi.get(code), [code]);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [holiday, setHoliday] = useState('');
  const [saved, setSaved] = useState(false);
  const { formRef, busy, error, check, onSubmit, fieldError } = useForm();

  useEffect(() => {
    if (policy.data) setDraft(policyDraft(policy.data));
  }, [policy.data]);

  if (ownCountry !== null && ownCountry !== code) return <Forbidden />;
  const heading = t('casePolicies.editTitle', { country: format.country(code) });
  if (!draft) {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <FormError error={policy.error} />
        {policy.loading && <p role="status">{t('app.loading')}</p>}
      </>
    );
  }
  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => {
    setSaved(false);
    setDraft((current) => (current ? { ...current, [key]: value } : current));
  };

  const submit = onSubmit(async () => {
    const input = policyBody(draft);
    const body = check(casePolicyBody, input, policyProblems(input));
    const updated = await casePoliciesApi.set(code, body);
    policy.update(() => updated);
    setSaved(true);
  });

  return (
    <>
      <p>
        <Link to="/case-policies">{t('casePolicies.back')}</Link>
      </p>
      <PageHeading>{heading}</PageHeading>
      {policy.data?.isDefault && <p className="notice">{t('casePolicies.usingDefaults')}</p>}
      <form ref={formRef} noValidate onSubmit={submit} className="policy-form">
        <FormError error={error} />
        {saved && (
          <p className="announcement" role="status">
            {t('casePolicies.saved')}
          </p>
        )}
        <div className="field-row">
          <Field
            label={t('casePolicies.answerDays')}
            hint={t('casePolicies.daysHint')}
            inputMode="numeric"
            value={draft.answerDays}
            error={fieldError('answerDays')}
            onChange={(event) => set('answerDays', event.target.value)}
          />
          <Field
            label={t('casePolicies.perishableDays')}
            hint={t('casePolicies.daysHint')}
            inputMode="numeric"
            value={draft.perishableDays}
            error={fieldError('perishableDays')}
            onChange={(event) => set('perishableDays', event.target.value)}
          />
        </div>
        <Field
          label={t('casePolicies.timeZone')}
          hint={t('casePolicies.timeZoneHint')}
          list="time-zones"
          autoComplete="off"
          value={draft.timeZone}
          error={fieldError('timeZone')}
          onChange={(event) => set('timeZone', event.target.value)}
        />
        <datalist id="time-zones">
          {Intl.supportedValuesOf('timeZone').map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <CheckboxGroup
          legend={t('casePolicies.weekend')}
          hint={t('casePolicies.weekendHint')}
          error={listError(fieldError, 'weekend', draft.weekend.length)}
          value={draft.weekend.map(String)}
          onChange={(days) => set('weekend', days.map(Number))}
          choices={WEEKDAYS.map((day) => ({ value: String(day), label: weekdayName(day, format.locale) }))}
        />
        <fieldset aria-invalid={listError(fieldError, 'holidays', draft.holidays.length) ? true : undefined}>
          <legend>{t('casePolicies.holidays')}</legend>
          {listError(fieldError, 'holidays', draft.holidays.length) && (
            <p className="field-error" role="alert">
              {listError(fieldError, 'holidays', draft.holidays.length)}
            </p>
          )}
          {draft.holidays.length === 0 ? (
            <p className="empty">{t('casePolicies.noHolidays')}</p>
          ) : (
            <ul className="plain-list holiday-list">
              {draft.holidays.map((date) => (
                <li key={date}>
                  <time dateTime={date}>{format.day(date)}</time>
                  <button
                    type="button"
                    className="button-ghost"
                    aria-label={t('casePolicies.removeHoliday', { date: format.day(date) })}
                    onClick={() =>
                      set(
                        'holidays',
                        draft.holidays.filter((item) => item !== date),
                      )
                    }
                  >
                    {t('casePolicies.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="inline-fields">
            <Field
              label={t('casePolicies.holidayDate')}
              type="date"
              value={holiday}
              onChange={(event) => setHoliday(event.target.value)}
            />
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                set('holidays', addHoliday(draft.holidays, holiday));
                setHoliday('');
              }}
            >
              {t('casePolicies.addHoliday')}
            </button>
          </div>
        </fieldset>
        <div className="action-bar">
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
