import { caseAnswerBody, RIGHTS_HOLDER_ANSWERS, type RightsHolderAnswer } from '@assay/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, casesApi, portfolioApi } from '../../api/endpoints';
import { RadioGroup } from '../../components/choice-group';
import { SelectField, TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { languageName } from '../../i18n/format';
import { currentLocale } from '../../i18n/i18n';
import {
  type AnswerDraft,
  answerBody,
  emptyAnswer,
  type PointChoice,
  pointChoices,
  productsOf,
} from './case-drafts';
import { SubmissionKeys } from './idempotency';

/** The guide points of the rights holder's products in the case, to tie reasons to; none if unreadable. */
function useGuidePoints(detail: CaseDetail, rightsHolderId: string, language: string): PointChoice[] {
  const [choices, setChoices] = useState<PointChoice[]>([]);
  const productIds = productsOf(detail.goods, rightsHolderId).join(',');
  useEffect(() => {
    let current = true;
    const ids = productIds ? productIds.split(',') : [];
    Promise.allSettled(ids.map((id) => portfolioApi.product(rightsHolderId, id))).then((results) => {
      if (!current) return;
      const products = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      setChoices(pointChoices(products, language));
    });
    return () => {
      current = false;
    };
  }, [rightsHolderId, productIds, language]);
  return choices;
}

/**
 * The rights holder's answer: what the goods are and, for counterfeits, why (tied to points of its
 * guide) and whether it agrees to their destruction. The message goes in the reader's language.
 */
export function AnswerForm({
  detail,
  onAnswered,
}: {
  detail: CaseDetail;
  onAnswered: (detail: CaseDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLocale(i18n.language);
  const [draft, setDraft] = useState<AnswerDraft>(() => emptyAnswer(detail.mayAnswerFor[0]?.id ?? ''));
  const points = useGuidePoints(detail, draft.rightsHolderId, language);
  const keys = useRef(new SubmissionKeys());
  const [sent, setSent] = useState(false);
  const { formRef, busy, error, check, onSubmit, fieldError } = useForm();
  const set = <K extends keyof AnswerDraft>(key: K, value: AnswerDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setReason = (index: number, change: Partial<AnswerDraft['reasons'][number]>) =>
    set(
      'reasons',
      draft.reasons.map((reason, at) => (at === index ? { ...reason, ...change } : reason)),
    );
  // A second answer replaces the first until the officer decides.
  const answered = detail.answers.some((answer) => answer.rightsHolderId === draft.rightsHolderId);
  const pointTitle = (id: string) => points.find((point) => point.id === id)?.label;

  const submit = onSubmit(async () => {
    const body = answerBody(draft, language, pointTitle);
    check(caseAnswerBody, body, draft.answer ? {} : { answer: { key: 'validation.choose_one' } });
    const updated = await casesApi.answer(detail.id, body, keys.current.keyFor(body));
    keys.current.done();
    setSent(true);
    onAnswered(updated);
    setDraft(emptyAnswer(draft.rightsHolderId));
  });

  return (
    <section aria-labelledby="answer-title" className="panel panel-highlight">
      <h2 id="answer-title">{answered ? t('cases.answer.changeTitle') : t('cases.answer.title')}</h2>
      {sent && (
        <p className="announcement" role="status">
          {t('cases.answer.sent')}
        </p>
      )}
      <form ref={formRef} noValidate onSubmit={submit} className="answer-form">
        <FormError error={error} />
        {detail.mayAnswerFor.length > 1 && (
          <SelectField
            label={t('cases.answer.for')}
            value={draft.rightsHolderId}
            onChange={(event) => set('rightsHolderId', event.target.value)}
          >
            {detail.mayAnswerFor.map((holder) => (
              <option key={holder.id} value={holder.id}>
                {holder.name}
              </option>
            ))}
          </SelectField>
        )}
        <RadioGroup<RightsHolderAnswer>
          legend={t('cases.answer.question')}
          name="case-answer"
          value={draft.answer || null}
          error={fieldError('answer')}
          onChange={(value) => set('answer', value)}
          choices={RIGHTS_HOLDER_ANSWERS.map((answer) => ({
            value: answer,
            label: t(`cases.answers.${answer}`),
            description: t(`cases.answerDescriptions.${answer}`),
          }))}
        />
        {draft.answer === 'counterfeit' && (
          <fieldset className="answer-reasons" aria-invalid={fieldError('reasons') ? true : undefined}>
            <legend>{t('cases.answer.reasons')}</legend>
            <p className="field-hint">{t('cases.answer.reasonsHint')}</p>
            {fieldError('reasons') && (
              <p className="field-error" role="alert">
                {t('cases.answer.reasonRequired')}
              </p>
            )}
            {draft.reasons.map((reason, index) => (
              // Reasons are edited in place and have no id until sent.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <fieldset key={index} className="answer-reason">
                <legend>{t('cases.answer.reason', { number: index + 1 })}</legend>
                {points.length > 0 && (
                  <SelectField
                    label={t('cases.answer.point')}
                    value={reason.guidePointId}
                    onChange={(event) => setReason(index, { guidePointId: event.target.value })}
                  >
                    <option value="">{t('cases.answer.noPoint')}</option>
                    {points.map((point) => (
                      <option key={point.id} value={point.id}>
                        {point.label}
                      </option>
                    ))}
                  </SelectField>
                )}
                <TextAreaField
                  label={t('cases.answer.explanation')}
                  rows={2}
                  value={reason.text}
                  error={fieldError(`reasons.${index}.text`)}
                  onChange={(event) => setReason(index, { text: event.target.value })}
                />
                {draft.reasons.length > 1 && (
                  <button
                    type="button"
                    className="button-ghost"
                    onClick={() =>
                      set(
                        'reasons',
                        draft.reasons.filter((_, at) => at !== index),
                      )
                    }
                  >
                    {t('cases.answer.removeReason', { number: index + 1 })}
                  </button>
                )}
              </fieldset>
            ))}
            <button
              type="button"
              className="button-secondary"
              onClick={() => set('reasons', [...draft.reasons, { guidePointId: '', text: '' }])}
            >
              {t('cases.answer.addReason')}
            </button>
            <div className="choice">
              <input
                id="answer-consent"
                type="checkbox"
                checked={draft.consentsToDestruction}
                aria-describedby="answer-consent-hint"
                onChange={(event) => set('consentsToDestruction', event.target.checked)}
              />
              <div>
                <label htmlFor="answer-consent" className="choice-label">
                  {t('cases.answer.consent')}
                </label>
                <p id="answer-consent-hint" className="choice-description">
                  {t('cases.answer.consentHint')}
                </p>
              </div>
            </div>
          </fieldset>
        )}
        <TextAreaField
          label={t('cases.answer.message')}
          hint={t('cases.answer.messageHint', { language: languageName(language) })}
          rows={3}
          value={draft.message}
          error={fieldError('message')}
          onChange={(event) => set('message', event.target.value)}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{t('cases.answer.send')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
