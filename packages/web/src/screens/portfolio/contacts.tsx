import { contactBody, LIMITS } from '@assay/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactView, contactsApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ConfirmButton } from '../../components/confirm-button';
import { Field, TextAreaField } from '../../components/field';
import { focusSoon } from '../../components/focus';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { PickListField } from '../../components/pick-list-field';
import { SubmitButton } from '../../components/submit-button';
import { type Problems, useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from './portfolio-scope';

const PHONE = /^\+?[0-9][0-9 ().\-/]{4,30}$/;

/** People officers can call about the portfolio: who, where they cover, languages and hours. */
export function Contacts() {
  const { t } = useTranslation();
  const format = useFormat();
  const languages = useContentLanguages();
  const { rightsHolder } = usePortfolioScope();
  const contacts = useResource(() => contactsApi.list(rightsHolder.id), [rightsHolder.id]);
  const [editing, setEditing] = useState<ContactView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removeError, setRemoveError] = useState<unknown>(null);

  return (
    <>
      <PageHeading>{t('contacts.title')}</PageHeading>
      <p className="lead">{t('contacts.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="contact-list">
        <h2 id="contact-list">{t('contacts.listTitle')}</h2>
        <FormError error={contacts.error ?? removeError} />
        {contacts.loading && !contacts.data && <p role="status">{t('app.loading')}</p>}
        {contacts.data && contacts.data.contacts.length === 0 && (
          <p className="empty">{t('contacts.empty')}</p>
        )}
        <ul className="cards">
          {contacts.data?.contacts.map((contact) => (
            <li key={contact.id}>
              <article className="card" aria-labelledby={`contact-${contact.id}`}>
                <h3 id={`contact-${contact.id}`}>{contact.name}</h3>
                {contact.title && <p className="muted">{contact.title}</p>}
                <dl className="facts compact">
                  {contact.phone && (
                    <>
                      <dt>{t('contacts.phone')}</dt>
                      <dd>{contact.phone}</dd>
                    </>
                  )}
                  {contact.email && (
                    <>
                      <dt>{t('contacts.email')}</dt>
                      <dd>{contact.email}</dd>
                    </>
                  )}
                  <dt>{t('contacts.countries')}</dt>
                  <dd>
                    {contact.countries.length
                      ? format.list(contact.countries.map(format.country))
                      : t('contacts.worldwide')}
                  </dd>
                  <dt>{t('contacts.languages')}</dt>
                  <dd>{format.list(contact.languages.map(languages.name)) || '—'}</dd>
                  <dt>{t('contacts.hours')}</dt>
                  <dd>{contact.alwaysAvailable ? t('contacts.alwaysAvailable') : (contact.hours ?? '—')}</dd>
                </dl>
                <div className="actions">
                  <button
                    id={`edit-${contact.id}`}
                    type="button"
                    className="button-secondary"
                    aria-label={t('contacts.editNamed', { name: contact.name })}
                    onClick={() => setEditing(contact)}
                  >
                    {t('brands.edit')}
                  </button>
                  <ConfirmButton
                    label={t('records.remove')}
                    accessibleLabel={t('records.removeNamed', { name: contact.name })}
                    question={t('contacts.removeQuestion', { name: contact.name })}
                    confirmLabel={t('records.remove')}
                    onConfirm={async () => {
                      setRemoveError(null);
                      try {
                        await contactsApi.remove(rightsHolder.id, contact.id);
                        contacts.update((current) => ({
                          contacts: current.contacts.filter((item) => item.id !== contact.id),
                        }));
                        if (editing?.id === contact.id) setEditing(null);
                        setAnnouncement(t('records.removed', { name: contact.name }));
                        focusSoon('contact-list');
                      } catch (error) {
                        setRemoveError(error);
                      }
                    }}
                  />
                </div>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <ContactForm
        key={editing?.id ?? 'new'}
        rightsHolderId={rightsHolder.id}
        contact={editing}
        onSaved={(saved, created) => {
          contacts.update((current) => ({
            contacts: created
              ? [...current.contacts, saved]
              : current.contacts.map((item) => (item.id === saved.id ? saved : item)),
          }));
          setEditing(null);
          setAnnouncement(t(created ? 'records.created' : 'records.saved', { name: saved.name }));
          if (!created) focusSoon(`edit-${saved.id}`);
        }}
        onCancel={() => {
          if (editing) focusSoon(`edit-${editing.id}`);
          setEditing(null);
        }}
      />
    </>
  );
}

function ContactForm({
  rightsHolderId,
  contact,
  onSaved,
  onCancel,
}: {
  rightsHolderId: string;
  contact: ContactView | null;
  onSaved: (contact: ContactView, created: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const languages = useContentLanguages();
  const [name, setName] = useState(contact?.name ?? '');
  const [title, setTitle] = useState(contact?.title ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [countries, setCountries] = useState<string[]>(contact?.countries ?? []);
  const [spoken, setSpoken] = useState<string[]>(contact?.languages ?? []);
  const [alwaysAvailable, setAlwaysAvailable] = useState(contact?.alwaysAvailable ?? false);
  const [hours, setHours] = useState(contact?.hours ?? '');
  const form = useForm();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (contact) headingRef.current?.focus();
  }, [contact]);

  const submit = form.onSubmit(async () => {
    const known: Problems = {};
    if (!email.trim() && !phone.trim()) known.email = { key: 'contacts.emailOrPhone' };
    if (phone.trim() && !PHONE.test(phone.trim())) known.phone = { key: 'contacts.phoneFormat' };
    const body = form.check(
      contactBody,
      {
        name,
        title: title || null,
        email: email.trim() || null,
        phone: phone.trim() || null,
        countries,
        languages: spoken,
        alwaysAvailable,
        hours: hours || null,
      },
      known,
    );
    const saved = contact
      ? await contactsApi.update(rightsHolderId, contact.id, body)
      : await contactsApi.create(rightsHolderId, body);
    onSaved(saved, !contact);
  });

  return (
    <section className="panel" aria-labelledby="contact-form">
      <h2 id="contact-form" ref={headingRef} tabIndex={-1}>
        {contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.newTitle')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} />
        <Field
          label={t('contacts.name')}
          autoComplete="off"
          maxLength={LIMITS.nameMax}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldError('name')}
        />
        <Field
          label={t('contacts.function')}
          hint={t('contacts.functionHint')}
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={form.fieldError('title')}
        />
        <p className="field-hint">{t('contacts.emailOrPhoneHint')}</p>
        <div className="field-row">
          <Field
            label={t('contacts.email')}
            type="email"
            autoComplete="off"
            maxLength={LIMITS.emailMax}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldError('email')}
          />
          <Field
            label={t('contacts.phone')}
            hint={t('contacts.phoneHint')}
            type="tel"
            autoComplete="off"
            maxLength={32}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            error={form.fieldError('phone')}
          />
        </div>
        <PickListField
          legend={t('contacts.countries')}
          hint={t('contacts.countriesHint')}
          values={countries}
          onChange={setCountries}
          options={format.countries.map((country) => ({ value: country.code, label: country.name }))}
          pickerLabel={t('contacts.countryToAdd')}
          addLabel={t('productForm.addCountry')}
          emptyText={t('contacts.worldwide')}
          error={form.fieldError('countries')}
        />
        <PickListField
          legend={t('contacts.languages')}
          values={spoken}
          onChange={setSpoken}
          options={languages.options.map((option) => ({ value: option.code, label: option.name }))}
          pickerLabel={t('contacts.languageToAdd')}
          addLabel={t('contacts.addLanguage')}
          error={form.fieldError('languages')}
        />
        <div className="choice">
          <input
            id="contact-always"
            type="checkbox"
            checked={alwaysAvailable}
            aria-describedby="contact-always-hint"
            onChange={(event) => setAlwaysAvailable(event.target.checked)}
          />
          <div>
            <label htmlFor="contact-always" className="choice-label">
              {t('contacts.alwaysAvailable')}
            </label>
            <p id="contact-always-hint" className="choice-description">
              {t('contacts.alwaysAvailableHint')}
            </p>
          </div>
        </div>
        <TextAreaField
          label={t('contacts.hours')}
          hint={t('contacts.hoursHint')}
          rows={2}
          maxLength={500}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          error={form.fieldError('hours')}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>{contact ? t('common.save') : t('contacts.add')}</SubmitButton>
          {contact && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
