import { describe, expect, it } from 'vitest';
import { listQuery, statusCounts, workListsFor } from './work-list';

describe('the work lists a person may open', () => {
  it('gives an officer the authority list, a national coordinator the whole administration too', () => {
    expect(workListsFor('customs', ['officer'])).toEqual(['officer']);
    expect(workListsFor('customs', ['national_coordinator'])).toEqual(['officer', 'coordinator']);
  });

  it('gives rights holders and their representatives the list awaiting their answer', () => {
    expect(workListsFor('rights_holder', ['admin'])).toEqual(['rights_holder']);
    expect(workListsFor('legal_representative', ['member'])).toEqual(['rights_holder']);
  });
});

describe('the work list query from the page address', () => {
  it('keeps a list the person may open, a known status and the closed toggle', () => {
    const params = new URLSearchParams('list=coordinator&status=detained&closed=true');
    expect(listQuery(params, ['officer', 'coordinator'], 'fr')).toEqual({
      list: 'coordinator',
      status: 'detained',
      closed: 'true',
      lang: 'fr',
    });
  });

  it("falls back to the person's own list and ignores unknown values", () => {
    const params = new URLSearchParams('list=coordinator&status=lost&closed=yes');
    expect(listQuery(params, ['officer'], 'en')).toEqual({
      list: 'officer',
      status: undefined,
      closed: undefined,
      lang: 'en',
    });
  });
});

it('charts the statuses that have cases, in the order of a case life', () => {
  expect(statusCounts({ released: 2, awaiting_answer: 5, detained: 0, answered: 1 })).toEqual([
    { status: 'awaiting_answer', count: 5 },
    { status: 'answered', count: 1 },
    { status: 'released', count: 2 },
  ]);
});
