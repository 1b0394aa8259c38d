import type { MarkView } from '@/lib/domain/marks';

/** Loads the map's open marks again (null: it failed; what is shown stays). */
export type LoadMarks = () => Promise<MarkView[] | null>;

const NONE: readonly MarkView[] = Object.freeze([]);

/**
 * The map's open marks for review in one tab, as plain TypeScript. Marks are not operations: the
 * page brings the first list, a mark made or cleared here answers with the new one (`set`), and
 * when the live stream says they changed elsewhere (or the stream reconnects) they are loaded
 * again (`refresh`; loads asked for meanwhile make one more after it, never several at once).
 * Only readers who may see marks (lib/domain/visibility.ts) have a store at all.
 */
export class MarkStore {
  #marks: readonly MarkView[];
  #byClaim = new Map<string, readonly MarkView[]>();
  #listeners = new Set<() => void>();
  #load: LoadMarks;
  #loading: Promise<void> | null = null;
  #again = false;

  constructor(initial: readonly MarkView[], load: LoadMarks) {
    this.#load = load;
    this.#marks = initial;
    this.#index();
  }

  get marks(): readonly MarkView[] {
    return this.#marks;
  }

  /** A claim's open marks, oldest first (the same array until they change). */
  of(claimId: string): readonly MarkView[] {
    return this.#byClaim.get(claimId) ?? NONE;
  }

  set(marks: readonly MarkView[]): void {
    this.#marks = marks;
    this.#index();
    for (const l of this.#listeners) l();
  }

  /** Loads the marks again; resolves once what was asked for is loaded. */
  refresh(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = (async () => {
      do {
        this.#again = false;
        const marks = await this.#load().catch(() => null);
        if (marks) this.set(marks);
      } while (this.#again);
      this.#loading = null;
    })();
    return this.#loading;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #index() {
    const prev = this.#byClaim;
    const next = new Map<string, MarkView[]>();
    const sorted = [...this.#marks].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const m of sorted) {
      const list = next.get(m.claimId);
      if (list) list.push(m);
      else next.set(m.claimId, [m]);
    }
    // A claim whose marks did not change keeps its array, so its row does not re-render.
    this.#byClaim = new Map(
      [...next].map(([id, list]) => {
        const old = prev.get(id);
        const same = old?.length === list.length && old.every((m, i) => sameMark(m, list[i]!));
        return [id, same ? old : list];
      }),
    );
  }
}

const sameMark = (a: MarkView, b: MarkView) =>
  a.id === b.id &&
  a.kind === b.kind &&
  a.explanation === b.explanation &&
  a.byName === b.byName &&
  a.canResolve === b.canResolve &&
  a.forMe === b.forMe;
