import { type CaseDecision, caseDecisionBody } from '@assay/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type CaseDetail, casesApi } from '../../api/endpoints';
import { RadioGroup } from '../../components/choice-group';
import { TextAreaField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';
import {
  type DecisionDraft,
  decisionBody,
  emptyDecision,
  HAND_OVER_TO,
  type HandOverTo,
  needsCourtOrder,
  refusalOf,
} from './case-drafts';
import { SubmissionKeys } from './idempotency';

/** The officer's next steps: exactly the decisions the server offers now, each confirmed before it is taken. */
export function DecisionPanel({
  detail,
  onDecided,
}: {
  detail: CaseDetail;
  onDecided: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<CaseDecision | null>(null);
  const [done, setDone] = useState<CaseDecision | null>(null);
  if (detail.decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions-title" className="panel">
      <h2 id="decisions-title">{t('cases.decisions.title')}</h2>
      {done && (
        <p className="announcement" role="status">
          {t('cases.decisions.done', { decision: t(`cases.decisions.names.${done}`) })}
        </p>
      )}
      {chosen ? (
        <DecisionConfirm
          detail={detail}
          decision={chosen}
          onCancel={() => setChosen(null)}
          onDecided={(updated) => {
            setDone(chosen);
            setChosen(null);
            onDecided(updated);
          }}
        />
      ) : (
        <div className="actions decision-buttons">
          {detail.decisions.map((decision) => (
            <button
              key={decision}
              type="button"
              className={decision === 'release' ? 'button-secondary' : undefined}
              onClick={() => {
                setDone(null);
                setChosen(decision);
              }}
            >
              {t(`cases.decisions.names.${decision}`)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function DecisionConfirm({
  detail,
  decision,
  onCancel,
  onDecided,
}: {
  detail: CaseDetail;
  decision: CaseDecision;
  onCancel: () => void;
  onDecided: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<DecisionDraft>(emptyDecision);
  const keys = useRef(new SubmissionKeys());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { formRef, busy, error, check, onSubmit, fieldError } = useForm();
  const courtOrder = needsCourtOrder(decision, detail.status);
  const name = t(`cases.decisions.names.${decision}`);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = onSubmit(async () => {
    const body = decisionBody(decision, draft, detail.status);
    check(caseDecisionBody, body);
    const updated = await casesApi.decide(detail.id, body, keys.current.keyFor(body));
    keys.current.done();
    onDecided(updated);
  });

  const refusal = error instanceof ApiError ? refusalOf(error.code, error.details) : null;
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="decision-confirm">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('cases.decisions.confirmTitle', { decision: name })}
      </h3>
      <p>{t(`cases.decisions.explain.${decision}`)}</p>
      {refusal ? (
        <div className="notice notice-error" role="alert">
          {t(refusal.key, { status: refusal.from ? t(`cases.status.${refusal.from}`) : '' })}
          {refusal.allowed.length > 0 &&
            ` ${t('cases.refusals.allowed', {
              steps: format.list(
                refusal.allowed.map((step) => t(`cases.events.${step}`, { defaultValue: step })),
              ),
            })}`}
        </div>
      ) : (
        <FormError error={error} />
      )}
      {decision === 'hand_over' && (
        <RadioGroup<HandOverTo>
          legend={t('cases.decisions.handOverTo')}
          name="hand-over-to"
          value={draft.handedOverTo || null}
          error={fieldError('handedOverTo')}
          onChange={(value) => setDraft((current) => ({ ...current, handedOverTo: value }))}
          choices={HAND_OVER_TO.map((to) => ({ value: to, label: t(`cases.decisions.authorities.${to}`) }))}
        />
      )}
      {courtOrder && (
        <div className="choice">
          <input
            id="court-order"
            type="checkbox"
            checked={draft.courtOrderedDestruction}
            onChange={(event) =>
              setDraft((current) => ({ ...current, courtOrderedDestruction: event.target.checked }))
            }
          />
          <label htmlFor="court-order" className="choice-label">
            {t('cases.decisions.courtOrdered')}
          </label>
        </div>
      )}
      <TextAreaField
        label={t('cases.decisions.note')}
        rows={2}
        value={draft.note}
        error={fieldError('note')}
        onChange={(event) => setDraft((current) => ({ ...current, note: event.target.value }))}
      />
      <div className="actions">
        <SubmitButton busy={busy}>{t('cases.decisions.confirm', { decision: name })}</SubmitButton>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
