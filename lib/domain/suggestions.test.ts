import { describe, expect, it } from 'vitest';
import {
  limitWindowStart,
  sortSuggestions,
  suggestionAllowance,
  SUGGESTIONS_PER_DAY,
  type SuggestionStatus,
} from './suggestions';
import { seesSuggestion, suggestionsSeen } from './visibility';
import { ROLES } from './capabilities';

describe('the daily limit on suggestions', () => {
  const now = new Date('2026-12-10T12:00:00Z');

  it('allows up to the limit within 24 hours, then says when the next one is possible', () => {
    expect(SUGGESTIONS_PER_DAY).toBe(30);
    expect(suggestionAllowance(0, null, now)).toEqual({ ok: true });
    expect(suggestionAllowance(SUGGESTIONS_PER_DAY - 1, now, now)).toEqual({ ok: true });
    const oldest = new Date('2026-12-09T17:30:00Z'); // frees up at 17:30 today: in 5.5 hours
    const refused = suggestionAllowance(SUGGESTIONS_PER_DAY, oldest, now);
    expect(refused).toEqual({
      ok: false,
      message:
        'You have made 30 suggestions to this map in the last 24 hours, the most a day. You can suggest again in about 6 hours.',
    });
    const soon = suggestionAllowance(31, new Date('2026-12-09T12:20:00Z'), now);
    expect(soon.ok === false && soon.message).toMatch(/in about an hour\.$/);
  });

  it('counts the 24 hours before now', () => {
    expect(limitWindowStart(now).toISOString()).toBe('2026-12-09T12:00:00.000Z');
  });
});

describe('who sees a suggestion', () => {
  it('is every one for editors and the owner, one’s own for the rest, none for a view link', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, suggestionsSeen(r)]))).toEqual({
      owner: 'all',
      editor: 'all',
      commenter: 'own',
      viewer: 'own',
    });
    expect(suggestionsSeen(null)).toBe('none');
  });

  it('lets a suggester see only their own', () => {
    expect(seesSuggestion('own', 'me', 'me')).toBe(true);
    expect(seesSuggestion('own', 'me', 'someone else')).toBe(false);
    expect(seesSuggestion('all', 'editor', 'someone else')).toBe(true);
    expect(seesSuggestion('none', 'me', 'me')).toBe(false);
  });
});

describe('the order of a list', () => {
  it('puts the open ones first as they came, then the decided ones, latest first', () => {
    const s = (
      id: string,
      status: SuggestionStatus,
      createdAt: string,
      decidedAt: string | null = null,
    ) => ({ id, status, createdAt, decidedAt });
    const list = [
      s('d-old', 'declined', '2026-01-01', '2026-01-02'),
      s('o-new', 'open', '2026-01-05'),
      s('a-new', 'accepted', '2026-01-01', '2026-01-06'),
      s('o-old', 'open', '2026-01-03'),
    ];
    expect(sortSuggestions(list).map((x) => x.id)).toEqual(['o-old', 'o-new', 'a-new', 'd-old']);
  });
});
