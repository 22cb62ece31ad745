import type { GuideView } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';

type OfficerContact = GuideView['contacts'][number];

/** A rights holder's contact as an officer sees it: how to reach them, where, in which languages, when. */
export function ContactCard({ contact }: { contact: OfficerContact }) {
  const { t } = useTranslation();
  const format = useFormat();
  const languages = useContentLanguages();
  return (
    <li className={contact.coversYourCountry ? 'card contact-card yours' : 'card contact-card'}>
      <p className="record-name">{contact.name}</p>
      {contact.title && <p className="muted">{contact.title}</p>}
      {contact.coversYourCountry && <p className="badge badge-good">{t('guide.coversYourCountry')}</p>}
      <ul className="plain-list contact-means">
        {contact.phone && (
          <li>
            <a
              className="contact-call"
              href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}
              aria-label={t('contacts.call', { name: contact.name, phone: contact.phone })}
            >
              {contact.phone}
            </a>
          </li>
        )}
        {contact.email && (
          <li>
            <a
              href={`mailto:${contact.email}`}
              aria-label={t('contacts.write', { name: contact.name, email: contact.email })}
            >
              {contact.email}
            </a>
          </li>
        )}
      </ul>
      <dl className="facts compact">
        <dt>{t('contacts.countries')}</dt>
        <dd>
          {contact.countries.length
            ? format.list(contact.countries.map(format.country))
            : t('contacts.worldwide')}
        </dd>
        {contact.languages.length > 0 && (
          <>
            <dt>{t('contacts.languages')}</dt>
            <dd>{format.list(contact.languages.map(languages.name))}</dd>
          </>
        )}
        <dt>{t('contacts.hours')}</dt>
        <dd>
          {contact.alwaysAvailable ? (
            <strong>{t('contacts.alwaysAvailable')}</strong>
          ) : (
            (contact.hours ?? '—')
          )}
        </dd>
      </dl>
    </li>
  );
}
