import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  type CaseEvent,
  type CaseEventType,
  type CaseFacts,
  type CaseStatus,
  eventsFrom,
  isClosed,
  transition,
} from './state-machine.js';

const NOW = new Date('2026-12-10T12:00:00Z');
const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  answer: 'counterfeit',
  rightsHolderConsents: true,
  declarantConsents: true,
  declarantDeadline: null,
  courtOrderedDestruction: true,
  now: NOW,
  ...overrides,
});

const EVENTS: Record<CaseEventType, CaseEvent> = {
  answer: { type: 'answer', answer: 'counterfeit' },
  provide_information: { type: 'provide_information' },
  release: { type: 'release' },
  detain: { type: 'detain' },
  start_destruction: { type: 'start_destruction' },
  declarant_consents: { type: 'declarant_consents' },
  declarant_objects: { type: 'declarant_objects' },
  destroy: { type: 'destroy' },
  start_court_proceedings: { type: 'start_court_proceedings' },
  hand_over: { type: 'hand_over' },
};

/** Every legal move with facts that allow it: from, event, to. */
const LEGAL: [CaseStatus, CaseEventType, CaseStatus][] = [
  ['awaiting_answer', 'answer', 'answered'],
  ['answered', 'answer', 'answered'],
  ['information_requested', 'provide_information', 'awaiting_answer'],
  ['awaiting_answer', 'release', 'released'],
  ['information_requested', 'release', 'released'],
  ['answered', 'release', 'released'],
  ['detained', 'release', 'released'],
  ['destruction_pending', 'release', 'released'],
  ['court_proceedings', 'release', 'released'],
  ['awaiting_answer', 'detain', 'detained'],
  ['information_requested', 'detain', 'detained'],
  ['answered', 'detain', 'detained'],
  ['answered', 'start_destruction', 'destruction_pending'],
  ['detained', 'start_destruction', 'destruction_pending'],
  ['destruction_pending', 'declarant_consents', 'destruction_pending'],
  ['destruction_pending', 'declarant_objects', 'detained'],
  ['destruction_pending', 'destroy', 'destroyed'],
  ['court_proceedings', 'destroy', 'destroyed'],
  ['detained', 'start_court_proceedings', 'court_proceedings'],
  ['answered', 'hand_over', 'handed_over'],
  ['detained', 'hand_over', 'handed_over'],
  ['destruction_pending', 'hand_over', 'handed_over'],
  ['court_proceedings', 'hand_over', 'handed_over'],
];

describe('the case state machine', () => {
  it.each(LEGAL)('moves %s on %s to %s', (from, event, to) => {
    expect(transition(from, EVENTS[event], facts())).toEqual({ ok: true, status: to });
  });

  it('refuses every other event in every status, naming the events that apply', () => {
    const legal = new Set(LEGAL.map(([from, event]) => `${from}:${event}`));
    let refused = 0;
    for (const status of CASE_STATUSES) {
      for (const event of Object.keys(EVENTS) as CaseEventType[]) {
        if (legal.has(`${status}:${event}`)) continue;
        const result = transition(status, EVENTS[event], facts());
        expect(result, `${status} on ${event}`).toEqual({
          ok: false,
          error: { code: 'illegal_transition', from: status, event, allowed: eventsFrom(status) },
        });
        refused += 1;
      }
    }
    expect(refused).toBe(CASE_STATUSES.length * Object.keys(EVENTS).length - LEGAL.length);
  });

  it('closes a case for good once released, destroyed or handed over', () => {
    for (const status of ['released', 'destroyed', 'handed_over'] as const) {
      expect(isClosed(status)).toBe(true);
      expect(eventsFrom(status)).toEqual([]);
    }
    expect(CASE_STATUSES.filter((status) => !isClosed(status) && eventsFrom(status).length === 0)).toEqual(
      [],
    );
  });

  it('asks for more information when the rights holder cannot tell', () => {
    expect(transition('awaiting_answer', { type: 'answer', answer: 'cannot_tell' }, facts())).toEqual({
      ok: true,
      status: 'information_requested',
    });
  });
});

describe('what the facts must allow', () => {
  const refusal = (from: CaseStatus, event: CaseEventType, overrides: Partial<CaseFacts>) => {
    const result = transition(from, EVENTS[event], facts(overrides));
    return result.ok
      ? null
      : result.error.code === 'precondition_failed'
        ? result.error.reason
        : result.error.code;
  };

  it('does not detain goods the rights holder says are genuine', () => {
    expect(refusal('answered', 'detain', { answer: 'genuine' })).toBe('answered_genuine');
    expect(refusal('answered', 'detain', { answer: 'parallel_import' })).toBeNull();
  });

  it('starts destruction only for confirmed counterfeits with the rights holder consenting', () => {
    expect(refusal('detained', 'start_destruction', { answer: 'parallel_import' })).toBe(
      'not_confirmed_counterfeit',
    );
    expect(refusal('detained', 'start_destruction', { answer: null })).toBe('not_confirmed_counterfeit');
    expect(refusal('detained', 'start_destruction', { rightsHolderConsents: false })).toBe(
      'no_rights_holder_consent',
    );
  });

  it("destroys with the declarant's consent, or its silence past the deadline (deemed consent)", () => {
    const deadline = new Date('2026-12-09T22:59:59.999Z');
    expect(refusal('destruction_pending', 'destroy', { declarantConsents: true })).toBeNull();
    expect(
      refusal('destruction_pending', 'destroy', {
        declarantConsents: false,
        declarantDeadline: deadline,
        now: new Date('2026-12-09T22:00:00Z'),
      }),
    ).toBe('declarant_may_still_object');
    expect(
      refusal('destruction_pending', 'destroy', {
        declarantConsents: false,
        declarantDeadline: deadline,
        now: new Date('2026-12-09T23:00:00Z'),
      }),
    ).toBeNull();
    expect(
      refusal('destruction_pending', 'destroy', { declarantConsents: false, declarantDeadline: null }),
    ).toBe('declarant_may_still_object');
  });

  it('destroys after court proceedings only on a court order', () => {
    expect(refusal('court_proceedings', 'destroy', { courtOrderedDestruction: false })).toBe(
      'no_court_order',
    );
  });
});
