import { describe, expect, it } from 'vitest';
import { mapView, testSession, uuid } from '@/tests/support/editor-session';
import type { ClaimView } from '@/lib/domain/views';
import { AuthorBook, byFilter, showsAuthors } from './authors';

const view = (claims: ClaimView[]) => new AuthorBook(mapView(claims).authors!, null);

describe('who wrote each claim, in the editor', () => {
  it('knows the authors the map came with, and who wrote how many', () => {
    const { snap } = testSession();
    const authors = snap().authors!;
    expect(authors.of.get('A')).toBe('u1');
    expect(authors.of.get('C')).toBe('u2');
    expect(authors.people).toEqual([
      { id: 'u1', name: 'Ada', claims: 2 },
      { id: 'u2', name: 'Ben', claims: 3 },
    ]);
  });

  it('credits this person with their own claims, before and after the server answers', async () => {
    const { session, snap, settle } = testSession();
    session.run('addPro', { thesisId: 't2', claimId: null });
    const added = session.addFromComposer('Seoul walks two tracks', 'pro');
    const id = added.ok ? added.id : '';
    expect(snap().authors!.of.get(id)).toBe('u1');
    await settle();
    expect(session.sync.pending).toHaveLength(0);
    expect(snap().authors!.of.get(id)).toBe('u1');
    expect(snap().authors!.people.find((p) => p.id === 'u1')!.claims).toBe(3);
  });

  it('credits a claim added live to the person whose change it was', () => {
    const { session, snap } = testSession();
    session.receive({
      revision: 1,
      actorId: 'u3',
      op: {
        id: uuid(),
        kind: 'claim.add',
        claimId: 'N',
        thesisId: 't2',
        parentId: null,
        stance: 'con',
        text: 'New from Cai',
        order: 'a5',
      },
    });
    expect(snap().authors!.of.get('N')).toBe('u3');
    // Someone not on the page's list of names yet.
    expect(snap().authors!.people.find((p) => p.id === 'u3')?.name).toBe('Someone');
  });

  it('dims everyone else’s claims under a filter, by the A key or the chooser', () => {
    const { session, snap } = testSession({ role: 'viewer' });
    expect(session.run('byAuthor', { claimId: 'A2' })).toBe(true);
    expect(snap().screen.author).toBe('u2');
    expect(snap().screen.announcement).toBe('Showing Ben’s 3 claims; the others are dimmed.');
    const shown = (id: string) => byFilter(snap().authors, snap().screen.author, id);
    expect(['A', 'A1', 'A2', 'B', 'C'].filter(shown)).toEqual(['A1', 'A2', 'C']);
    // Again on one of the same author's claims: everyone's again.
    session.run('byAuthor', { claimId: 'C' });
    expect(snap().screen.author).toBeNull();
    expect(snap().screen.announcement).toBe('Showing everyone’s claims.');
    session.filterByAuthor('u1');
    expect(['A', 'A1', 'A2', 'B', 'C'].filter(shown)).toEqual(['A', 'B']);
  });

  it('opens on one author’s claims when asked (the dashboard’s link), if they wrote any', () => {
    expect(testSession({ author: 'u2' }).snap().screen.author).toBe('u2');
    expect(testSession({ author: 'nobody' }).snap().screen.author).toBeNull();
  });

  it('shows no authors on a page that is not given them (a view link)', () => {
    const { session, snap } = testSession({ role: null, authors: false });
    expect(snap().authors).toBeNull();
    expect(session.isEnabled('byAuthor', { claimId: 'A' })).toBe(false);
    session.filterByAuthor('u1');
    expect(snap().screen.author).toBeNull();
    expect(byFilter(null, 'u1', 'A')).toBe(true);
  });

  it('takes the authors of a map loaded again', () => {
    const book = view([]);
    const before = book.version;
    book.reloaded({ byClaim: { Z: 'u9' }, names: { u9: 'Zed' } });
    expect(book.version).toBeGreaterThan(before);
    const claims = [{ ...mapView().claims[0]!, id: 'Z' }];
    expect(book.view(claims, []).people).toEqual([{ id: 'u9', name: 'Zed', claims: 1 }]);
  });
});

describe('a map only this person wrote in', () => {
  it('names no authors: the A key does nothing, and the views show no "by …"', () => {
    const byClaim = Object.fromEntries(['A', 'A1', 'A2', 'B', 'C'].map((id) => [id, 'u1']));
    const { session, snap } = testSession({ authors: byClaim });
    expect(showsAuthors(snap().authors, 'u1')).toBe(false);
    expect(session.isEnabled('byAuthor', { claimId: 'A' })).toBe(false);
    // Someone else's page on the same map (a viewer) does name them.
    expect(showsAuthors(snap().authors, 'u2')).toBe(true);
  });
});
