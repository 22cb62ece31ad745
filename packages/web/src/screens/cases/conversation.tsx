import { caseMessageBody } from '@assay/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseAttachment, type CaseDetail, casesApi } from '../../api/endpoints';
import { TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';
import { AttachmentUpload } from './attachment-upload';
import { messageBody } from './case-drafts';
import { AttachmentList } from './case-facts';
import { SubmissionKeys } from './idempotency';

/** The thread between the officer's side and the rights holder's, each message with its language. */
export function Conversation({
  detail,
  onSent,
}: {
  detail: CaseDetail;
  onSent: (detail: CaseDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = currentLocale(i18n.language);
  const [text, setText] = useState('');
  const [pending, setPending] = useState<CaseAttachment[]>([]);
  const keys = useRef(new SubmissionKeys());
  const { formRef, busy, error, check, onSubmit, fieldError } = useForm();

  const submit = onSubmit(async () => {
    const body = messageBody(
      text,
      language,
      pending.map((attachment) => attachment.id),
    );
    check(caseMessageBody, body);
    const updated = await casesApi.message(detail.id, body, keys.current.keyFor(body));
    keys.current.done();
    setText('');
    setPending([]);
    onSent(updated);
  });

  return (
    <section aria-labelledby="conversation-title" className="panel">
      <h2 id="conversation-title">{t('cases.conversation.title')}</h2>
      {detail.messages.length === 0 ? (
        <p className="empty">{t('cases.conversation.empty')}</p>
      ) : (
        <ol className="plain-list case-thread">
          {detail.messages.map((message) => (
            <li key={message.id} className={`case-message case-message-${message.side}`}>
              <article aria-label={t('cases.conversation.from', { organisation: message.organisationName })}>
                <header className="case-message-head">
                  <strong>{message.organisationName}</strong>
                  {message.language && (
                    <span
                      className="lang-badge"
                      title={t('cases.conversation.language', { language: message.language.toUpperCase() })}
                    >
                      {message.language.toUpperCase()}
                    </span>
                  )}
                  <time dateTime={message.createdAt} className="muted">
                    {format.dateTime(message.createdAt)}
                  </time>
                </header>
                <p className="prose-text" lang={message.language ?? undefined}>
                  {message.body}
                </p>
                <AttachmentList caseId={detail.id} attachments={message.attachments} />
              </article>
            </li>
          ))}
        </ol>
      )}
      <form ref={formRef} noValidate onSubmit={submit} className="case-composer">
        <FormError error={error} />
        <TextAreaField
          label={t('cases.conversation.message')}
          rows={3}
          value={text}
          error={fieldError('body')}
          onChange={(event) => setText(event.target.value)}
        />
        {pending.length > 0 && (
          <ul className="plain-list pending-attachments" aria-label={t('cases.conversation.attached')}>
            {pending.map((attachment) => (
              <li key={attachment.id}>
                {attachment.fileName}{' '}
                <button
                  type="button"
                  className="button-ghost"
                  onClick={() => setPending((current) => current.filter((item) => item.id !== attachment.id))}
                >
                  {t('cases.conversation.detach', { name: attachment.fileName })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <AttachmentUpload
            caseId={detail.id}
            label={t('cases.conversation.attach')}
            onUploaded={(attachment) => setPending((current) => [...current, attachment])}
          />
          <SubmitButton busy={busy}>{t('cases.conversation.send')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
