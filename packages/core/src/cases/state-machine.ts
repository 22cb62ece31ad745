/**
 * The life of a suspect-shipment case (EU detention model, see ../shared/DOMAIN.md): the officer
 * opens it and the rights holder is asked; the rights holder answers; the officer releases, detains,
 * starts destruction under the simplified procedure or hands the goods over; destruction needs the
 * rights holder's consent and the declarant's consent or silence until its deadline; a declarant who
 * objects sends the case to court. Every change goes through {@link transition}: an event that does
 * not apply is an error naming what would, never a silent change.
 */

export const CASE_STATUSES = [
  'awaiting_answer',
  'information_requested',
  'answered',
  'detained',
  'destruction_pending',
  'court_proceedings',
  'released',
  'destroyed',
  'handed_over',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses nothing leaves: the case is closed. */
export const CLOSED_STATUSES = [
  'released',
  'destroyed',
  'handed_over',
] as const satisfies readonly CaseStatus[];

export const RIGHTS_HOLDER_ANSWERS = ['genuine', 'counterfeit', 'cannot_tell', 'parallel_import'] as const;
export type RightsHolderAnswer = (typeof RIGHTS_HOLDER_ANSWERS)[number];

export type CaseEvent =
  | { type: 'answer'; answer: RightsHolderAnswer }
  | { type: 'provide_information' }
  | { type: 'release' }
  | { type: 'detain' }
  | { type: 'start_destruction' }
  | { type: 'declarant_consents' }
  | { type: 'declarant_objects' }
  | { type: 'destroy' }
  | { type: 'start_court_proceedings' }
  | { type: 'hand_over' };
export type CaseEventType = CaseEvent['type'];

/** What the guards need to know of the case besides its status. */
export interface CaseFacts {
  /** The rights holder's latest answer, if any. */
  answer: RightsHolderAnswer | null;
  /** Whether the rights holder agreed to destruction. */
  rightsHolderConsents: boolean;
  /** Whether the declarant agreed to destruction. */
  declarantConsents: boolean;
  /** The end of the declarant's time to object, once destruction was started. */
  declarantDeadline: Date | null;
  /** A court ordered destruction (court proceedings only). */
  courtOrderedDestruction: boolean;
  now: Date;
}

export type TransitionError =
  | { code: 'illegal_transition'; from: CaseStatus; event: CaseEventType; allowed: CaseEventType[] }
  | { code: 'precondition_failed'; from: CaseStatus; event: CaseEventType; reason: TransitionRefusal };

/** Why an event that applies to the status cannot happen yet. */
export type TransitionRefusal =
  | 'answered_genuine'
  | 'not_confirmed_counterfeit'
  | 'no_rights_holder_consent'
  | 'declarant_may_still_object'
  | 'no_court_order';

export type TransitionResult = { ok: true; status: CaseStatus } | { ok: false; error: TransitionError };

interface Rule {
  from: readonly CaseStatus[];
  to: (event: CaseEvent) => CaseStatus;
  /** A refusal when the facts do not allow the event, else null. */
  guard?: (facts: CaseFacts, from: CaseStatus) => TransitionRefusal | null;
}

const OPEN: readonly CaseStatus[] = [
  'awaiting_answer',
  'information_requested',
  'answered',
  'detained',
  'destruction_pending',
  'court_proceedings',
];

const RULES: Record<CaseEventType, Rule> = {
  answer: {
    // A second answer replaces the first until the officer has decided.
    from: ['awaiting_answer', 'answered'],
    to: (event) =>
      event.type === 'answer' && event.answer === 'cannot_tell' ? 'information_requested' : 'answered',
  },
  provide_information: { from: ['information_requested'], to: () => 'awaiting_answer' },
  release: { from: OPEN, to: () => 'released' },
  detain: {
    from: ['awaiting_answer', 'information_requested', 'answered'],
    to: () => 'detained',
    // Goods the rights holder says are genuine are not held on its behalf.
    guard: (facts) => (facts.answer === 'genuine' ? 'answered_genuine' : null),
  },
  start_destruction: {
    from: ['answered', 'detained'],
    to: () => 'destruction_pending',
    guard: (facts) => {
      if (facts.answer !== 'counterfeit') return 'not_confirmed_counterfeit';
      return facts.rightsHolderConsents ? null : 'no_rights_holder_consent';
    },
  },
  declarant_consents: { from: ['destruction_pending'], to: () => 'destruction_pending' },
  declarant_objects: { from: ['destruction_pending'], to: () => 'detained' },
  destroy: {
    from: ['destruction_pending', 'court_proceedings'],
    to: () => 'destroyed',
    guard: (facts, from) => {
      if (from === 'court_proceedings') return facts.courtOrderedDestruction ? null : 'no_court_order';
      if (facts.declarantConsents) return null;
      // Deemed consent: the declarant kept silent until the end of its time to object.
      const silentUntilDeadline =
        facts.declarantDeadline !== null && facts.now.getTime() > facts.declarantDeadline.getTime();
      return silentUntilDeadline ? null : 'declarant_may_still_object';
    },
  },
  start_court_proceedings: { from: ['detained'], to: () => 'court_proceedings' },
  hand_over: {
    from: ['answered', 'detained', 'destruction_pending', 'court_proceedings'],
    to: () => 'handed_over',
  },
};

/** The events that apply to a status (guards aside), for the buttons a screen offers. */
export function eventsFrom(status: CaseStatus): CaseEventType[] {
  return (Object.keys(RULES) as CaseEventType[]).filter((type) => RULES[type].from.includes(status));
}

/** The status after `event`, or why it cannot happen. */
export function transition(status: CaseStatus, event: CaseEvent, facts: CaseFacts): TransitionResult {
  const rule = RULES[event.type];
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      error: { code: 'illegal_transition', from: status, event: event.type, allowed: eventsFrom(status) },
    };
  }
  const refusal = rule.guard?.(facts, status) ?? null;
  if (refusal)
    return {
      ok: false,
      error: { code: 'precondition_failed', from: status, event: event.type, reason: refusal },
    };
  return { ok: true, status: rule.to(event) };
}

export function isClosed(status: CaseStatus): boolean {
  return (CLOSED_STATUSES as readonly CaseStatus[]).includes(status);
}
