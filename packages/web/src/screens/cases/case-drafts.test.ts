import { caseAnswerBody, caseDecisionBody } from '@assay/core';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, ProductView } from '../../api/endpoints';
import {
  answerBody,
  decisionBody,
  emptyAnswer,
  emptyDecision,
  messageBody,
  pointChoices,
  productsOf,
  refusalOf,
} from './case-drafts';

const HOLDER = '7a1c2e9e-3b43-4f5f-9f0a-2d7c3f1f0a01';
const POINT = '0b6a3f2c-8d1e-4c7b-a2f3-9e8d7c6b5a40';
const titles: Record<string, string> = { [POINT]: 'Hologram on the cap' };
const title = (id: string) => titles[id];

describe('an answer as sent', () => {
  it('sends a counterfeit answer with its reasons, the point and the consent', () => {
    const draft = {
      ...emptyAnswer(HOLDER),
      answer: 'counterfeit' as const,
      reasons: [
        { guidePointId: POINT, text: '' },
        { guidePointId: '', text: '  Wrong batch number format ' },
        { guidePointId: '', text: '   ' },
      ],
      consentsToDestruction: true,
      message: 'Contrefaçon évidente.',
    };
    const body = answerBody(draft, 'fr', title);
    expect(body).toEqual({
      answer: 'counterfeit',
      reasons: [{ guidePointId: POINT, text: 'Hologram on the cap' }, { text: 'Wrong batch number format' }],
      consentsToDestruction: true,
      rightsHolderId: HOLDER,
      message: 'Contrefaçon évidente.',
      language: 'fr',
    });
    expect(caseAnswerBody.safeParse(body).success).toBe(true);
  });

  it('drops the reasons and the consent of any other answer', () => {
    const draft = {
      ...emptyAnswer(HOLDER),
      answer: 'genuine' as const,
      reasons: [{ guidePointId: POINT, text: 'left over' }],
      consentsToDestruction: true,
    };
    const body = answerBody(draft, 'en', title);
    expect(body).toEqual({
      answer: 'genuine',
      reasons: [],
      consentsToDestruction: false,
      rightsHolderId: HOLDER,
    });
    expect(caseAnswerBody.safeParse(body).success).toBe(true);
  });

  it('lets the schema refuse a counterfeit answer without a reason', () => {
    const body = answerBody({ ...emptyAnswer(HOLDER), answer: 'counterfeit' }, 'es', title);
    const result = caseAnswerBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['reasons']);
  });
});

describe('a decision as sent', () => {
  it('names to whom goods are handed over', () => {
    const body = decisionBody('hand_over', { ...emptyDecision(), handedOverTo: 'police' }, 'detained');
    expect(body).toEqual({ decision: 'hand_over', handedOverTo: 'police' });
    expect(caseDecisionBody.safeParse(body).success).toBe(true);
  });

  it('is refused by the schema when a hand-over names nobody', () => {
    const body = decisionBody('hand_over', emptyDecision(), 'detained');
    expect(caseDecisionBody.safeParse(body).success).toBe(false);
  });

  it('says whether a court ordered destruction only when destroying in court proceedings', () => {
    const draft = { ...emptyDecision(), courtOrderedDestruction: true, note: ' Order 12/2026 ' };
    expect(decisionBody('destroy', draft, 'court_proceedings')).toEqual({
      decision: 'destroy',
      note: 'Order 12/2026',
      courtOrderedDestruction: true,
    });
    expect(decisionBody('destroy', draft, 'destruction_pending')).toEqual({
      decision: 'destroy',
      note: 'Order 12/2026',
    });
  });
});

it('sends a message in the reader language with its attachments', () => {
  expect(messageBody('  Photos attached  ', 'es', ['a', 'b'])).toEqual({
    body: 'Photos attached',
    language: 'es',
    attachmentIds: ['a', 'b'],
  });
});

describe('the guide points offered as reasons', () => {
  const goods: CaseDetail['goods'] = [
    { productId: 'p1', productName: 'Lumen', rightsHolderId: HOLDER, description: null, quantity: 10 },
    { productId: 'p1', productName: 'Lumen', rightsHolderId: HOLDER, description: null, quantity: 5 },
    { productId: 'p2', productName: 'Other', rightsHolderId: 'someone-else', description: null, quantity: 1 },
    { productId: null, productName: null, rightsHolderId: HOLDER, description: 'loose', quantity: 1 },
  ];

  it('come from the products of the rights holder answering, once each', () => {
    expect(productsOf(goods, HOLDER)).toEqual(['p1']);
  });

  const product = (name: string, points: [string, Record<string, string>, string][]) =>
    ({
      name: { original: 'en', texts: { en: name } },
      guidePoints: points.map(([id, texts, original]) => ({ id, title: { original, texts } })),
    }) as unknown as ProductView;

  it('are titled in the reader language when written in it, else in their original', () => {
    const products = [
      product('Lumen', [
        ['g1', { en: 'Hologram', fr: 'Hologramme' }, 'en'],
        ['g2', { en: 'Batch code' }, 'en'],
      ]),
    ];
    expect(pointChoices(products, 'fr')).toEqual([
      { id: 'g1', label: '1. Hologramme' },
      { id: 'g2', label: '2. Batch code' },
    ]);
  });

  it('name their product when several products are in the case', () => {
    const products = [
      product('Lumen', [['g1', { en: 'Hologram' }, 'en']]),
      product('Aria', [['g9', { en: 'Seal' }, 'en']]),
    ];
    expect(pointChoices(products, 'en').map((choice) => choice.label)).toEqual([
      'Lumen — 1. Hologram',
      'Aria — 1. Seal',
    ]);
  });
});

describe('a refused decision', () => {
  it('names the missing precondition', () => {
    expect(
      refusalOf('precondition_failed', { from: 'answered', reason: 'no_rights_holder_consent' }),
    ).toEqual({
      key: 'cases.refusals.no_rights_holder_consent',
      from: 'answered',
      allowed: [],
    });
  });

  it('names the status and the steps that would apply', () => {
    expect(refusalOf('illegal_transition', { from: 'released', allowed: [] })).toEqual({
      key: 'cases.refusals.illegal',
      from: 'released',
      allowed: [],
    });
    expect(refusalOf('illegal_transition', { from: 'detained', allowed: ['release', 7] })?.allowed).toEqual([
      'release',
    ]);
  });

  it('leaves other errors to the general message', () => {
    expect(refusalOf('forbidden', null)).toBeNull();
  });
});
