import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CaseDetail, casesApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';
import { AnswerForm } from './answer-form';
import { AttachmentUpload } from './attachment-upload';
import { AttachmentList, CaseFacts } from './case-facts';
import { CaseStatusBadge } from './case-status-badge';
import { Conversation } from './conversation';
import { CountdownBadge } from './countdown-badge';
import { DecisionPanel } from './decision-panel';
import { Trail } from './trail';
import './cases.css';

/**
 * One case for both sides: the facts, the deadline, the photos, the answers and the conversation; the
 * rights holder answers here and the officer decides. Each write answers with the case as it now
 * stands, which replaces the page's copy.
 */
export function CaseScreen() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const lang = currentLocale(i18n.language);
  const resource = useResource(() => casesApi.get(caseId, lang), [caseId, lang]);
  const replace = (detail: CaseDetail) => resource.update(() => detail);
  const detail = resource.data;

  if (!detail) {
    return (
      <>
        <PageHeading>{t('cases.caseTitle')}</PageHeading>
        <FormError error={resource.error} />
        {resource.loading && <p role="status">{t('app.loading')}</p>}
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/cases">{t('cases.backToList')}</Link>
      </p>
      <PageHeading>{t('cases.caseHeading', { reference: detail.reference })}</PageHeading>
      <FormError error={resource.error} />
      <Deadline detail={detail} />
      {detail.mayAnswerFor.length > 0 && <AnswerForm detail={detail} onAnswered={replace} />}
      <DecisionPanel detail={detail} onDecided={replace} />
      <div className="case-columns">
        <CaseFacts detail={detail} />
        <section aria-labelledby="attachments-title" className="panel">
          <h2 id="attachments-title">{t('cases.attachments.title')}</h2>
          {detail.attachments.length === 0 && <p className="empty">{t('cases.attachments.empty')}</p>}
          <AttachmentList caseId={detail.id} attachments={detail.attachments} />
          <AttachmentUpload
            caseId={detail.id}
            label={t('cases.attachments.add')}
            onUploaded={(attachment) =>
              resource.update((current) => ({
                ...current,
                attachments: [...current.attachments, attachment],
              }))
            }
          />
        </section>
      </div>
      <Answers detail={detail} />
      <Conversation detail={detail} onSent={replace} />
      <Trail events={detail.events} />
      {detail.seizureRecords.length > 0 && (
        <section aria-labelledby="case-seizures" className="panel">
          <h2 id="case-seizures">{t('cases.seizureRecords')}</h2>
          <p>
            <Link to="/statistics/seizures">{t('cases.seeStatistics')}</Link>
          </p>
        </section>
      )}
    </>
  );
}

/** The status and, while an answer is awaited, the countdown to its deadline. */
function Deadline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = !detail.closedAt;
  return (
    <dl className="case-status-bar">
      <div>
        <dt>{t('cases.columns.status')}</dt>
        <dd>
          <CaseStatusBadge status={detail.status} />
        </dd>
      </div>
      {detail.answerDeadline && open && (
        <div>
          <dt>{t('cases.answerDeadline')}</dt>
          <dd>
            <CountdownBadge workingDaysLeft={detail.workingDaysLeft} />{' '}
            <time dateTime={detail.answerDeadline}>{format.dateTime(detail.answerDeadline)}</time>
            {detail.perishable && (
              <>
                {' '}
                <span className="badge badge-waiting">{t('cases.perishable')}</span>
              </>
            )}
          </dd>
        </div>
      )}
      {detail.declarantDeadline && open && (
        <div>
          <dt>{t('cases.declarantDeadline')}</dt>
          <dd>
            <time dateTime={detail.declarantDeadline}>{format.dateTime(detail.declarantDeadline)}</time>
          </dd>
        </div>
      )}
      {detail.closedAt && (
        <div>
          <dt>{t('cases.closedAt')}</dt>
          <dd>
            <time dateTime={detail.closedAt}>{format.dateTime(detail.closedAt)}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}

function Answers({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="answers-title" className="panel">
      <h2 id="answers-title">{t('cases.answersTitle')}</h2>
      {detail.answers.length === 0 ? (
        <p className="empty">{t('cases.noAnswerYet')}</p>
      ) : (
        <ul className="plain-list record-list">
          {detail.answers.map((answer) => (
            <li key={answer.id} className="card">
              <p className="record-name">
                {answer.rightsHolderName}: {t(`cases.answers.${answer.answer}`)}
                {answer.language && <span className="lang-badge">{answer.language.toUpperCase()}</span>}
              </p>
              {answer.reasons.length > 0 && (
                <ul>
                  {answer.reasons.map((reason, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: reasons are fixed once answered.
                    <li key={index}>
                      {reason.guidePointTitle && <strong>{reason.guidePointTitle}: </strong>}
                      {reason.text}
                    </li>
                  ))}
                </ul>
              )}
              {answer.answer === 'counterfeit' && (
                <p>{answer.consentsToDestruction ? t('cases.consents') : t('cases.noConsent')}</p>
              )}
              <p className="muted">{format.dateTime(answer.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
