'use client';

import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { findClaims, searchIndex, type SearchEntry } from '@/lib/domain/claim-search';
import { truncate } from '@/lib/domain/text';
import type { ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { useEditorState, useSession } from '@/components/map/session';

/** How many matches the list shows (the count says how many there are in all). */
const SHOWN = 20;

/**
 * "Find a claim": type words of a claim, pick it from the list (arrows and Enter, or a click), and
 * the editor selects it, scrolls it into view (drawn first, in a long outline) and puts the
 * keyboard on it. Matching ignores case, accents, quote marks and dashes (lib/domain/claim-search).
 * `/` anywhere in the editor comes here (the `find` command); the count of matches is announced.
 */
export function ClaimFinder() {
  const session = useSession();
  const { claims } = useEditorState();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDeferredValue(query);
  const searching = typed.trim() !== '';
  const thesisIds = useMemo(() => session.theses.map((t) => t.id), [session]);
  // Built only while something is typed: no cost to a map that is being edited.
  const index = useMemo(
    () => (searching ? searchIndex(claims, thesisIds) : []),
    [claims, thesisIds, searching],
  );
  const found = useMemo(() => findClaims(index, typed, SHOWN), [index, typed]);
  const base = useId();
  const listId = `${base}-list`;
  const optionId = (i: number) => `${base}-option-${i}`;
  const shown = open && searching;

  // The option chosen with the arrows stays in view in the list.
  useEffect(() => {
    if (active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const pick = (entry: SearchEntry<ClaimView> | undefined) => {
    if (!entry) return;
    setOpen(false);
    setActive(-1);
    session.focus(entry.claim.id);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const n = found.matches.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (n === 0) return;
      setActive((i) => (e.key === 'ArrowDown' ? Math.min(i + 1, n - 1) : Math.max(i - 1, 0)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // The list may not have caught up with the last keys yet (it follows the typing deferred,
      // and a map of thousands of claims takes a moment): Enter takes what is typed now.
      if (typed === query) pick(found.matches[active >= 0 ? active : 0]);
      else if (query.trim()) {
        const now = index.length ? index : searchIndex(claims, thesisIds);
        pick(findClaims(now, query, SHOWN).matches[0]);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (shown) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div
      className="flex w-full min-w-0 items-center gap-2 sm:w-auto sm:max-w-md sm:flex-1"
      data-no-print
    >
      <label htmlFor={`${base}-input`} className="shrink-0 text-sm font-semibold text-stone-800">
        Find a claim
      </label>
      <div className="relative min-w-0 flex-1">
        <input
          id={`${base}-input`}
          data-claim-finder
          type="search"
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${base}-count`}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          placeholder="Words of the claim ( / )"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className="w-full rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        />
        <div
          hidden={!shown}
          className="absolute left-0 right-0 top-full z-40 mt-1 overflow-hidden rounded-md border border-stone-300 bg-white shadow-lg"
        >
          <ul
            id={listId}
            role="listbox"
            aria-label="Claims found"
            hidden={found.matches.length === 0}
            className="max-h-80 overflow-y-auto py-1"
          >
            {found.matches.map((m, i) => (
              <li
                key={m.claim.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                // Keeps the keyboard in the box until the claim is picked.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(m)}
                className={`cursor-pointer px-2 py-1.5 text-sm ${i === active ? 'bg-stone-200' : 'hover:bg-stone-100'}`}
              >
                <span className="block text-stone-900">{truncate(m.claim.text, 140)}</span>
                <span className="block text-xs text-stone-600">
                  {m.claim.stance === 'pro' ? 'Pro' : 'Con'} · {session.theses[m.side]?.label}
                </span>
              </li>
            ))}
          </ul>
          <p className="border-t border-stone-200 bg-stone-50 px-2 py-1 text-xs text-stone-700">
            {found.total === 0 ? 'No claim has these words.' : countWords(found.total)}
          </p>
        </div>
        <p id={`${base}-count`} role="status" className="sr-only">
          {searching ? countWords(found.total) : ''}
        </p>
      </div>
    </div>
  );
}

function countWords(total: number): string {
  if (total === 0) return 'No claim matches.';
  const matches = `${plural(total, 'claim matches', 'claims match')}`;
  return total > SHOWN
    ? `${matches}; the first ${SHOWN} are listed: type more words.`
    : `${matches}.`;
}

/**
 * Puts the keyboard in the find box each time the session asks for it (the `/` key). Used by the
 * editor shell, which stays mounted while the box comes and goes with the outline view.
 */
export function useFindBox(finding: number) {
  const done = useRef(finding);
  useEffect(() => {
    if (finding === done.current) return;
    const box = document.querySelector<HTMLInputElement>('[data-claim-finder]');
    if (box) {
      box.focus();
      box.select();
      done.current = finding;
    }
  });
}
