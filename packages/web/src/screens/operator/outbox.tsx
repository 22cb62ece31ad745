import { isLocale } from '@assay/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type OutboxMessage, operatorApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { StatusBadge } from '../../components/status-badge';
import { languageName, useFormat } from '../../i18n/format';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain-text email body with its links made clickable. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mail-body">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, never reordered.
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, never reordered.
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/** Mail the platform sent or holds (in demo mode nothing leaves: this is where links are read). */
export function Outbox() {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState('');
  const [to, setTo] = useState('');
  const messages = useResource(() => operatorApi.outbox({ to: to || undefined, limit: 100 }), [to]);

  const columns: Column<OutboxMessage>[] = [
    {
      header: t('outbox.subject'),
      render: (message) => <Link to={`/operator/outbox/${message.id}`}>{message.subject}</Link>,
    },
    { header: t('outbox.to'), render: (message) => message.to },
    { header: t('members.status'), render: (message) => <StatusBadge status={message.status} /> },
    { header: t('outbox.date'), render: (message) => format.dateTime(message.createdAt) },
  ];

  return (
    <>
      <PageHeading>{t('outbox.title')}</PageHeading>
      <p className="lead">{t('outbox.intro')}</p>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setTo(draft.trim());
        }}
      >
        <Field
          label={t('outbox.filterTo')}
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button-secondary">
          {t('common.filter')}
        </button>
      </form>
      <FormError error={messages.error} />
      {messages.loading && <p role="status">{t('app.loading')}</p>}
      {messages.data && (
        <DataTable
          caption={t('outbox.title')}
          columns={columns}
          rows={messages.data.messages}
          rowKey={(message) => message.id}
          empty={t('outbox.empty')}
        />
      )}
    </>
  );
}

/** One message; the API has no single-message route, so it is found in the latest messages. */
export function OutboxMessageView() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useParams().id;
  const messages = useResource(() => operatorApi.outbox({ limit: 200 }), []);
  const message = messages.data?.messages.find((candidate) => candidate.id === id);

  return (
    <>
      <p>
        <Link to="/operator/outbox">{t('outbox.back')}</Link>
      </p>
      {messages.loading && <p role="status">{t('app.loading')}</p>}
      <FormError error={messages.error} />
      {messages.data && !message && <PageHeading>{t('outbox.notFound')}</PageHeading>}
      {message && (
        <article className="panel">
          <PageHeading>{message.subject}</PageHeading>
          <dl className="facts">
            <dt>{t('outbox.to')}</dt>
            <dd>{message.to}</dd>
            <dt>{t('members.status')}</dt>
            <dd>
              <StatusBadge status={message.status} />
            </dd>
            <dt>{t('outbox.date')}</dt>
            <dd>{format.dateTime(message.createdAt)}</dd>
            {message.sentAt && (
              <>
                <dt>{t('outbox.sentAt')}</dt>
                <dd>{format.dateTime(message.sentAt)}</dd>
              </>
            )}
            <dt>{t('fields.language')}</dt>
            <dd>{isLocale(message.locale) ? languageName(message.locale) : message.locale}</dd>
            <dt>{t('outbox.attempts')}</dt>
            <dd>{format.number(message.attempts)}</dd>
            {message.lastError && (
              <>
                <dt>{t('outbox.lastError')}</dt>
                <dd>{message.lastError}</dd>
              </>
            )}
          </dl>
          <h2>{t('outbox.body')}</h2>
          {message.text === null ? <p>{t('outbox.bodyGone')}</p> : <LinkedText text={message.text} />}
        </article>
      )}
    </>
  );
}
