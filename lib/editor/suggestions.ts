import type { Place, Stance } from '@/lib/domain/argument-tree';
import { sortSuggestions, type SuggestionView } from '@/lib/domain/suggestions';

/**
 * The suggestions this person sees in an open map (lib/domain/suggestions.ts), as plain
 * TypeScript: every one for an editor or the owner (`review`), one's own for someone who may only
 * suggest (`suggest`). Loaded when the editor starts, again when the map's stream says they
 * changed, when the window gets the focus back, and after this person decides one. Accepting is
 * the session's (an operation through the outbox, lib/editor/session.ts); the rest goes through
 * the transport (server actions in the browser, lib/editor/browser.ts).
 */

export type Answer<T> = { ok: true; data: T } | { ok: false; message: string };

export interface SuggestionTransport {
  list(input: { mapId: string }): Promise<Answer<SuggestionView[]>>;
  suggest(
    input: { mapId: string; stance: Stance; text: string } & Place,
  ): Promise<Answer<SuggestionView>>;
  decide(
    input:
      | { mapId: string; suggestionId: string; decision: 'answer'; answer: string }
      | { mapId: string; suggestionId: string; decision: 'decline' },
  ): Promise<Answer<SuggestionView>>;
}

export interface SuggestionsSnapshot {
  /** `review`: every suggestion, with Accept, Answer, Decline; `suggest`: one's own. */
  mode: 'review' | 'suggest';
  /** Open first (oldest first), then decided (latest first), as the server lists them. */
  items: SuggestionView[];
  /** How many are open. */
  open: number;
  loaded: boolean;
  /** Why the list could not be loaded, if it could not. */
  error: string | null;
}

const OFFLINE = 'Could not reach the server. Check the connection and try again.';

/** A server action that failed in transit (offline, server restarting) answers like a refusal. */
async function reach<T>(call: () => Promise<Answer<T>>): Promise<Answer<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, message: OFFLINE };
  }
}

export class Suggestions {
  #snapshot: SuggestionsSnapshot;
  #listeners = new Set<() => void>();
  #loading = false;
  #again = false;
  /** Accepted here, not yet answered by the server: shown as accepted meanwhile. */
  #accepted = new Map<string, string>();
  /** An acceptance was sent: the list is loaded again once the outbox has no change left. */
  #awaiting = false;

  constructor(
    private readonly mapId: string,
    mode: SuggestionsSnapshot['mode'],
    private readonly transport: SuggestionTransport,
  ) {
    this.#snapshot = { mode, items: [], open: 0, loaded: false, error: null };
  }

  get snapshot(): SuggestionsSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  find(id: string): SuggestionView | undefined {
    return this.#snapshot.items.find((s) => s.id === id);
  }

  /** Loads the list again; a call while one is loading loads once more after it. */
  async refresh(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return;
    }
    this.#loading = true;
    try {
      do {
        this.#again = false;
        const answer = await reach(() => this.transport.list({ mapId: this.mapId }));
        if (answer.ok) {
          this.#accepted.clear();
          this.#set(answer.data, null);
        } else this.#set(this.#snapshot.items, answer.message);
      } while (this.#again);
    } finally {
      this.#loading = false;
    }
  }

  /** Sends a suggestion; on success it heads this person's list. */
  async suggest(place: Place, stance: Stance, text: string): Promise<Answer<SuggestionView>> {
    const answer = await reach(() =>
      this.transport.suggest({ mapId: this.mapId, ...place, stance, text }),
    );
    if (answer.ok) {
      const rest = this.#snapshot.items.filter((s) => s.id !== answer.data.id);
      this.#set([answer.data, ...rest], null);
    }
    return answer;
  }

  /** Answers or declines one (reviewers); the list shows the outcome at once. */
  async decide(
    id: string,
    decision: { decision: 'answer'; answer: string } | { decision: 'decline' },
  ): Promise<Answer<SuggestionView>> {
    const answer = await reach(() =>
      this.transport.decide({ mapId: this.mapId, suggestionId: id, ...decision }),
    );
    if (answer.ok) this.#replace(answer.data);
    else void this.refresh();
    return answer;
  }

  /** Shows one as accepted while the operation that accepts it is on its way. */
  markAccepted(id: string, claimId: string): void {
    this.#accepted.set(id, claimId);
    this.#awaiting = true;
    this.#set(this.#snapshot.items, this.#snapshot.error);
  }

  /**
   * The map's outbox has nothing left to send: an acceptance sent since was answered (taken, or
   * refused), and the list, loaded again, says which.
   */
  outboxEmptied(): void {
    if (!this.#awaiting) return;
    this.#awaiting = false;
    void this.refresh();
  }

  #replace(next: SuggestionView) {
    this.#set(
      this.#snapshot.items.map((s) => (s.id === next.id ? next : s)),
      null,
    );
  }

  #set(items: SuggestionView[], error: string | null) {
    const shown = items.map((s) => {
      const claimId = this.#accepted.get(s.id);
      return claimId && s.status === 'open'
        ? { ...s, status: 'accepted' as const, claimId, decidedAt: new Date().toISOString() }
        : s;
    });
    const sorted = sortSuggestions(shown);
    const open = sorted.filter((s) => s.status === 'open').length;
    this.#snapshot = { ...this.#snapshot, items: sorted, open, loaded: true, error };
    for (const l of this.#listeners) l();
  }
}
