import type { CaseDecision, Locale, RightsHolderAnswer } from '@assay/core';
import type {
  CaseAnswerInput,
  CaseDecisionInput,
  CaseDetail,
  CaseMessageInput,
  ProductView,
} from '../../api/endpoints';

/** One reason for a counterfeit answer as typed: a guide point chosen (or none) and its explanation. */
export interface ReasonDraft {
  guidePointId: string;
  text: string;
}

export interface AnswerDraft {
  answer: RightsHolderAnswer | '';
  rightsHolderId: string;
  reasons: ReasonDraft[];
  consentsToDestruction: boolean;
  message: string;
}

export function emptyAnswer(rightsHolderId: string): AnswerDraft {
  return {
    answer: '',
    rightsHolderId,
    reasons: [{ guidePointId: '', text: '' }],
    consentsToDestruction: false,
    message: '',
  };
}

const optional = (value: string) => value.trim() || undefined;

/**
 * The API body of an answer. Reasons and consent belong to a counterfeit answer only; a reason is
 * kept when it names a point or says something (a point alone is explained by the point's title).
 */
export function answerBody(
  draft: AnswerDraft,
  language: Locale,
  pointTitle: (guidePointId: string) => string | undefined,
): CaseAnswerInput {
  const counterfeit = draft.answer === 'counterfeit';
  const reasons = counterfeit
    ? draft.reasons
        .filter((reason) => reason.guidePointId || reason.text.trim())
        .map((reason) => ({
          ...(reason.guidePointId ? { guidePointId: reason.guidePointId } : {}),
          text: reason.text.trim() || (pointTitle(reason.guidePointId) ?? ''),
        }))
    : [];
  const message = optional(draft.message);
  return {
    answer: draft.answer as RightsHolderAnswer,
    reasons,
    consentsToDestruction: counterfeit && draft.consentsToDestruction,
    ...(draft.rightsHolderId ? { rightsHolderId: draft.rightsHolderId } : {}),
    ...(message ? { message, language } : {}),
  };
}

export const HAND_OVER_TO = ['police', 'prosecution', 'other'] as const;
export type HandOverTo = (typeof HAND_OVER_TO)[number];

export interface DecisionDraft {
  note: string;
  handedOverTo: HandOverTo | '';
  courtOrderedDestruction: boolean;
}

export const emptyDecision = (): DecisionDraft => ({
  note: '',
  handedOverTo: '',
  courtOrderedDestruction: false,
});

/** Destroying goods in court proceedings needs the court's order, which the officer confirms. */
export function needsCourtOrder(decision: CaseDecision, status: string): boolean {
  return decision === 'destroy' && status === 'court_proceedings';
}

export function decisionBody(
  decision: CaseDecision,
  draft: DecisionDraft,
  status: string,
): CaseDecisionInput {
  const note = optional(draft.note);
  return {
    decision,
    ...(note ? { note } : {}),
    ...(decision === 'hand_over' && draft.handedOverTo ? { handedOverTo: draft.handedOverTo } : {}),
    ...(needsCourtOrder(decision, status) ? { courtOrderedDestruction: draft.courtOrderedDestruction } : {}),
  };
}

export function messageBody(text: string, language: Locale, attachmentIds: string[]): CaseMessageInput {
  return { body: text.trim(), language, attachmentIds };
}

/** The products of the case's goods that belong to a rights holder, once each: whose guide points to offer. */
export function productsOf(goods: CaseDetail['goods'], rightsHolderId: string): string[] {
  const ids = goods
    .filter((line) => line.rightsHolderId === rightsHolderId && line.productId)
    .map((line) => line.productId as string);
  return [...new Set(ids)];
}

export interface PointChoice {
  id: string;
  label: string;
}

/** A guide point as a choice, titled in the reader's language when written in it, else in its original. */
export function pointChoices(products: ProductView[], language: string): PointChoice[] {
  const text = (value: { original: string; texts: Record<string, string> }) =>
    value.texts[language] || value.texts[value.original] || Object.values(value.texts)[0] || '';
  return products.flatMap((product) =>
    product.guidePoints.map((point, index) => ({
      id: point.id,
      label:
        products.length > 1
          ? `${text(product.name)} — ${index + 1}. ${text(point.title)}`
          : `${index + 1}. ${text(point.title)}`,
    })),
  );
}

/** Why the server refused a decision (409): a translation key and what it names, or null for other errors. */
export function refusalOf(
  code: string,
  details: unknown,
): { key: string; from: string | null; allowed: string[] } | null {
  const facts = (details ?? {}) as { from?: unknown; allowed?: unknown; reason?: unknown };
  const from = typeof facts.from === 'string' ? facts.from : null;
  if (code === 'precondition_failed' && typeof facts.reason === 'string') {
    return { key: `cases.refusals.${facts.reason}`, from, allowed: [] };
  }
  if (code === 'illegal_transition') {
    const allowed = Array.isArray(facts.allowed)
      ? facts.allowed.filter((value): value is string => typeof value === 'string')
      : [];
    return { key: 'cases.refusals.illegal', from, allowed };
  }
  return null;
}
