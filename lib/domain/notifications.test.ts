import { describe, expect, it } from 'vitest';
import {
  badgeText,
  bellLabel,
  dueSoonKey,
  NOTIFICATION_KINDS,
  notificationHref,
  notificationText,
  type NotificationFacts,
} from './notifications';

const facts = (over: Partial<NotificationFacts>): NotificationFacts => ({
  kind: 'mark',
  actorName: 'Ms Rivera',
  mapTitle: 'Team Blue',
  claimText: 'Sport builds bridges',
  assignmentTitle: null,
  suggestionText: null,
  markKind: null,
  dueAt: null,
  role: null,
  ...over,
});

describe('what the bell says', () => {
  it('has a sentence for every kind, naming who did it as given', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text = notificationText(
        facts({ kind, assignmentTitle: 'Unit 1', dueAt: '2026-12-13T15:00:00Z' }),
        'UTC',
      );
      expect(text, kind).toMatch(/\.$/);
      if (kind !== 'due-soon') expect(text, kind).toMatch(/^Ms Rivera /);
    }
  });

  it('names people as the reader is shown them: the words come from the facts only', () => {
    // An anonymous student is given "Teacher" and classmates' pseudonyms (lib/server reads them
    // through the reader's lens); the sentence adds no name of its own.
    const anon = notificationText(
      facts({ kind: 'comment-reply', actorName: 'Brave Otter' }),
      'UTC',
    );
    expect(anon).toBe('Brave Otter replied to your comment on “Sport builds bridges”.');
    const teacher = notificationText(
      facts({ actorName: 'Teacher', markKind: 'needs-quote' }),
      'UTC',
    );
    expect(teacher).toBe('Teacher marked your claim “Sport builds bridges”: Needs a quote.');
  });

  it('says "Someone" for an account since deleted, and the map when the claim is gone', () => {
    expect(notificationText(facts({ actorName: '', claimText: null }), 'UTC')).toBe(
      'Someone marked one of your claims in “Team Blue” for review.',
    );
    expect(notificationText(facts({ kind: 'comment-reply', claimText: null }), 'UTC')).toBe(
      'Ms Rivera replied to your comment in “Team Blue”.',
    );
  });

  it('gives the due time in the reader’s zone, named', () => {
    const f = facts({
      kind: 'due-soon',
      assignmentTitle: 'Olympic thaw',
      dueAt: '2026-12-13T15:00:00Z',
    });
    expect(notificationText(f, 'America/Chicago')).toBe(
      '“Olympic thaw” is due Sun 13 Dec 2026, 09:00 CST.',
    );
    expect(notificationText(f, 'UTC')).toBe('“Olympic thaw” is due Sun 13 Dec 2026, 15:00 UTC.');
  });

  it('says what was released, answered and joined', () => {
    expect(
      notificationText(facts({ kind: 'feedback-released', assignmentTitle: 'Unit 1' }), 'UTC'),
    ).toBe('Ms Rivera released feedback on your work for “Unit 1”.');
    expect(
      notificationText(facts({ kind: 'suggestion-declined', suggestionText: 'Too long' }), 'UTC'),
    ).toBe('Ms Rivera declined your suggestion “Too long”.');
    expect(notificationText(facts({ kind: 'suggestion-answered' }), 'UTC')).toBe(
      'Ms Rivera answered your suggestion in “Team Blue”.',
    );
    expect(notificationText(facts({ kind: 'joined-map', role: 'editor' }), 'UTC')).toBe(
      'Ms Rivera joined your map “Team Blue” (can edit).',
    );
  });

  it('shortens a long claim to one line', () => {
    const long = `${'word '.repeat(40)}\nend`;
    const text = notificationText(facts({ claimText: long }), 'UTC');
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(140);
    expect(text).toContain('…”');
  });
});

describe('where it leads and how the bell reads', () => {
  it('opens the map at its claim', () => {
    expect(notificationHref('m 1', 'c/2')).toBe('/maps/m%201?claim=c%2F2');
    expect(notificationHref('m1', null)).toBe('/maps/m1');
  });

  it('says the count in words and caps the badge', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications: 3 unread');
    expect(bellLabel(120)).toBe('Notifications: more than 99 unread');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });

  it('keys a due-soon notification by assignment and person', () => {
    expect(dueSoonKey('a1', 'u1')).toBe('due-soon:a1:u1');
    expect(dueSoonKey('a1', 'u1')).not.toBe(dueSoonKey('a1', 'u2'));
  });
});
