import type { ClaimView, MapAuthors } from '@/lib/domain/views';
import type { MapChange } from '@/lib/schemas/live';
import type { Op } from '@/lib/schemas/ops';

/**
 * Who wrote each claim, as this tab knows it: what the server sent with the map (already as this
 * reader may see it: real or pseudonymous ids and names), then the author of every claim added
 * since, the person whose claim.add made it (a change's actorId, seen through the same lens; this
 * tab's own adds are its person's). A view link's page gets no authors and keeps none.
 */
export class AuthorBook {
  readonly #of: Map<string, string>;
  readonly #names: Map<string, string>;
  readonly #me: { id: string; name: string } | null;
  /** Rises with every change, so what is shown from the book is worked out again. */
  version = 0;
  #shown: { claims: readonly ClaimView[]; version: number; view: AuthorsView } | null = null;

  constructor(authors: MapAuthors, me: { id: string; name: string } | null) {
    this.#of = new Map(Object.entries(authors.byClaim));
    this.#names = new Map(Object.entries(authors.names));
    this.#me = me;
    if (me && !this.#names.has(me.id)) this.#names.set(me.id, me.name);
  }

  /** A change the map took in (anyone's; this tab's own answered ones have no actorId). */
  confirmed(change: MapChange): void {
    if (change.op.kind !== 'claim.add') return;
    // An accepted suggestion is the suggester's, not the accepter's: this page does not know
    // their name yet, so it names nobody until the map is next loaded (which names them).
    if (change.op.suggestionId) return;
    const by = change.actorId || this.#me?.id;
    if (by) this.#set(change.op.claimId, by);
  }

  /** The map as the server sent it again (after a refusal, or far behind). */
  reloaded(authors: MapAuthors | undefined): void {
    if (!authors) return;
    for (const [claimId, by] of Object.entries(authors.byClaim)) this.#set(claimId, by);
    for (const [id, name] of Object.entries(authors.names)) this.#names.set(id, name);
    this.version += 1;
  }

  #set(claimId: string, by: string) {
    if (this.#of.get(claimId) === by) return;
    this.#of.set(claimId, by);
    this.version += 1;
  }

  /**
   * The view of these claims, worked out again only when the claims (a new list each change) or
   * the book changed since it was last asked for.
   */
  current(claims: readonly ClaimView[], pending: readonly Op[]): AuthorsView {
    const shown = this.#shown;
    if (shown?.claims === claims && shown.version === this.version) return shown.view;
    const view = this.view(claims, pending);
    this.#shown = { claims, version: this.version, view };
    return view;
  }

  /**
   * The claims' authors and the people who wrote at least one of them, for the screen: a claim
   * still on its way to the server (an add in `pending`) is this person's.
   */
  view(claims: readonly ClaimView[], pending: readonly Op[]): AuthorsView {
    const mine = new Set(pending.flatMap((op) => (op.kind === 'claim.add' ? [op.claimId] : [])));
    const of = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const c of claims) {
      const by = this.#of.get(c.id) ?? (mine.has(c.id) ? this.#me?.id : undefined);
      if (!by) continue;
      of.set(c.id, by);
      counts.set(by, (counts.get(by) ?? 0) + 1);
    }
    const people = [...counts]
      .map(([id, claims]) => ({ id, name: this.nameOf(id), claims }))
      .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
    return { of, people, nameOf: (id) => this.nameOf(id) };
  }

  nameOf(id: string): string {
    return this.#names.get(id) || 'Someone';
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Who wrote what, as the views show it. */
export interface AuthorsView {
  /** The author of each live claim whose author is known, by claim id. */
  of: ReadonlyMap<string, string>;
  /** Everyone who wrote a live claim, by name, with how many. */
  people: readonly { id: string; name: string; claims: number }[];
  nameOf(id: string): string;
}

/**
 * Whether a claim is shown plainly or dimmed under an author filter: with no filter, every claim;
 * with one, that person's claims.
 */
export function byFilter(authors: AuthorsView | null, filter: string | null, claimId: string) {
  return !authors || filter === null || authors.of.get(claimId) === filter;
}

/**
 * Whether the page names authors at all: when someone other than this person wrote a claim (a
 * map of one's own shows no "by …" on every claim, and no chooser).
 */
export function showsAuthors(authors: AuthorsView | null, meId: string | null): boolean {
  return !!authors && authors.people.some((p) => p.id !== meId);
}

/** What is said when the author filter changes to `id` (null: everyone again). */
export function filteredWords(authors: AuthorsView, id: string | null): string {
  if (id === null) return 'Showing everyone’s claims.';
  const count = authors.people.find((p) => p.id === id)?.claims ?? 0;
  return `Showing ${authors.nameOf(id)}’s ${count === 1 ? 'claim' : `${count} claims`}; the others are dimmed.`;
}
