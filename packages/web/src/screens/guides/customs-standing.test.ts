import type { GuideView } from '@assay/core';
import { describe, expect, it } from 'vitest';
import { customsStanding } from './customs-standing';

type Recordation = NonNullable<GuideView['ipRights'][number]['recordation']>;

function right(recordation: Partial<Recordation> | null): GuideView['ipRights'][number] {
  return {
    id: crypto.randomUUID(),
    type: 'trademark',
    registrationNumber: '018000001',
    office: 'EUIPO',
    classes: [5],
    ownerName: 'Example Owner',
    validFrom: null,
    validTo: null,
    recordation: recordation && {
      countryCode: 'FR',
      reference: 'FR-AFA-1',
      status: 'granted',
      validFrom: null,
      validTo: null,
      ...recordation,
    },
  };
}

const today = '2026-11-23';

describe('customsStanding', () => {
  it('is recorded when a granted application is in force today', () => {
    expect(customsStanding([right({ validTo: '2026-11-23' })], today)).toEqual({
      kind: 'recorded',
      reference: 'FR-AFA-1',
      validTo: '2026-11-23',
    });
  });

  it('prefers a recordation in force over a lapsed one of another right', () => {
    const standing = customsStanding(
      [right({ reference: 'OLD', status: 'expired' }), right({ reference: 'NEW' })],
      today,
    );
    expect(standing).toMatchObject({ kind: 'recorded', reference: 'NEW' });
  });

  it('is expired when the granted application ended before today or is marked expired', () => {
    expect(customsStanding([right({ validTo: '2026-11-22' })], today)).toMatchObject({ kind: 'expired' });
    expect(customsStanding([right({ status: 'expired' })], today)).toMatchObject({ kind: 'expired' });
  });

  it('is filed while the application awaits a decision', () => {
    expect(customsStanding([right({ status: 'filed' })], today)).toMatchObject({ kind: 'filed' });
  });

  it('is not recorded without an application here, or with one refused or withdrawn', () => {
    expect(customsStanding([], today)).toEqual({ kind: 'not_recorded' });
    expect(customsStanding([right(null)], today)).toEqual({ kind: 'not_recorded' });
    expect(customsStanding([right({ status: 'refused' }), right({ status: 'withdrawn' })], today)).toEqual({
      kind: 'not_recorded',
    });
  });

  it('does not count a granted application that starts later', () => {
    expect(customsStanding([right({ validFrom: '2026-12-01' })], today)).toEqual({ kind: 'not_recorded' });
  });
});
