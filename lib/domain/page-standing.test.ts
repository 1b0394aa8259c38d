import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './capabilities';
import { STANDING_KEY, standingChanged, standingKey, type Standing } from './page-standing';
import { visibility } from './visibility';

const member = (role: Role, extra: { notes?: boolean; anonymous?: boolean } = {}) =>
  visibility({ kind: 'member', role, notes: false, anonymous: false, ...extra });
const link = (notes: boolean, ownerName: boolean) => visibility({ kind: 'link', notes, ownerName });

describe('a page’s standing', () => {
  it('is the same key for the same standing, and a different one for any difference', () => {
    const standings: Standing[] = [
      ...ROLES.flatMap((role) =>
        [false, true].flatMap((archived) =>
          [false, true].flatMap((notes) =>
            [false, true].map((anonymous) => ({
              role,
              archived,
              see: member(role, { notes, anonymous }),
            })),
          ),
        ),
      ),
      ...[false, true].flatMap((notes) =>
        [false, true].map((name) => ({ role: null, archived: false, see: link(notes, name) })),
      ),
    ];
    const keys = standings.map(standingKey);
    // Every one is a key the events address takes (lib/schemas/query.ts).
    for (const key of keys) expect(key).toMatch(STANDING_KEY);
    // Equal standings (a non-viewer sees notes whatever the choice) give equal keys, and only they.
    const same = (a: Standing, b: Standing) => JSON.stringify(a) === JSON.stringify(b);
    standings.forEach((a, i) =>
      standings.forEach((b, j) => expect(keys[i] === keys[j]).toBe(same(a, b))),
    );
    expect(standingKey({ role: 'editor', archived: false, see: member('editor') })).toBe(
      standingKey({ role: 'editor', archived: false, see: { ...member('editor') } }),
    );
  });

  it('says nothing when nothing changed, and otherwise what did', () => {
    const viewer = { role: 'viewer' as const, archived: false, see: member('viewer') };
    expect(standingChanged(standingKey(viewer), viewer)).toBeNull();

    const withNotes = { ...viewer, see: member('viewer', { notes: true }) };
    expect(standingChanged(standingKey(viewer), withNotes)).toMatchObject({
      lost: false,
      message: expect.stringContaining('changed what you may see'),
    });
    const editor = { ...viewer, role: 'editor' as const, see: member('editor') };
    expect(standingChanged(standingKey(viewer), editor)?.message).toContain('you can now edit it');
    const archived = { ...editor, archived: true };
    // Archived and a new role at once: the archive is what the reader needs to hear.
    expect(standingChanged(standingKey(viewer), archived)?.message).toContain('was archived');
    expect(standingChanged(standingKey(editor), archived)?.message).toContain('was archived');
    expect(standingChanged(standingKey(archived), editor)?.message).toContain(
      'taken out of the archive',
    );

    const plain = { role: null, archived: false, see: link(false, false) };
    expect(standingChanged(standingKey(plain), plain)).toBeNull();
    expect(
      standingChanged(standingKey(plain), { ...plain, see: link(true, false) })?.message,
    ).toContain('changed what this link shows');
  });
});
