'use client';

import { useEffect, useMemo, useState } from 'react';
import { CONTEXT_LENGTH, type TextQuoteSelector } from '@/lib/domain/quote-anchoring';
import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from '@/components/map/session';
import { clip, clipStart } from '@/lib/domain/text';
import { inLabel, placeOptions } from '@/lib/editor/places';
import { CLAIM_TEXT_MAX } from '@/lib/schemas/map';

interface Captured {
  sourceId: string;
  block: number;
  selector: TextQuoteSelector;
}

/**
 * The selection as a quote selector when it lies within one paragraph of an article; why it
 * cannot be quoted when it touches an article but cannot be one quote; null when it is not in an
 * article at all (or empty).
 */
function captureSelection(): Captured | { problem: string } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const el = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const startBlock = el(range.startContainer)?.closest('[data-block]');
  const endBlock = el(range.endContainer)?.closest('[data-block]');
  if (!startBlock && !endBlock) return null;
  const article = startBlock?.closest('[data-article]');
  if (
    !startBlock ||
    !endBlock ||
    startBlock.closest('[data-article]') !== endBlock.closest('[data-article]')
  )
    return { problem: 'That selection runs outside the article. Select a passage inside it.' };
  if (startBlock !== endBlock)
    return {
      problem:
        'That selection spans two paragraphs. A quote is one passage: select within one paragraph (quote each part separately).',
    };
  if (!article) return null;
  const before = document.createRange();
  before.selectNodeContents(startBlock);
  before.setEnd(range.startContainer, range.startOffset);
  const text = startBlock.textContent ?? '';
  const start = before.toString().length;
  const exact = range.toString();
  if (!exact.trim()) return null;
  const end = start + exact.length;
  return {
    sourceId: article.getAttribute('data-article')!,
    block: Number(startBlock.getAttribute('data-block')),
    selector: {
      exact,
      prefix: clipStart(text.slice(0, start), CONTEXT_LENGTH),
      suffix: clip(text.slice(end), CONTEXT_LENGTH),
    },
  };
}

/**
 * At the foot of the reading pane when a passage is selected: attach it to a claim chosen right
 * here (the selected one to start with), or start a new pro or con from it. The passage stays
 * until it is used or cancelled, so clicking a claim in the map does not lose it.
 */
export function SelectionQuoteBar() {
  const session = useSession();
  const { claims, screen } = useEditorState();
  const [captured, setCaptured] = useState<Captured | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The reader's own pick, and the claim selected when they made it (a new selection replaces it).
  const [picked, setPicked] = useState<{ value: string; when: string | null } | null>(null);
  const showing = captured !== null || problem !== null || error !== null;
  // Listed only while the bar shows: every claim's label is too much work to redo at each change
  // of a map of thousands of claims while nothing is selected in the article.
  const options = useMemo(
    () => (showing ? session.theses.flatMap((t) => placeOptions(claims, t)) : []),
    [claims, session.theses, showing],
  );

  useEffect(() => {
    const onChange = () => {
      const next = captureSelection();
      if (!next) return;
      if ('problem' in next) return setProblem(next.problem);
      setCaptured(next);
      setProblem(null);
      setError(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  // What it is for: the claim selected in the map, else the thesis of the article read.
  const { activeId, reading } = screen;
  const target = picked && picked.when === activeId ? picked.value : null;
  const chosen =
    target && options.some((o) => o.value === target)
      ? target
      : activeId && claims.some((c) => c.id === activeId)
        ? activeId
        : `thesis:${session.theses[reading]!.id}`;

  if (!showing) return null;
  const place = options.find((o) => o.value === chosen)!;
  const isClaim = place.parentId !== null;
  const done = () => {
    setCaptured(null);
    setProblem(null);
    setError(null);
    window.getSelection()?.removeAllRanges();
  };
  const attach = () => {
    if (!captured || !isClaim) return;
    const { sourceId, selector, block } = captured;
    const r = session.writes.addAnchor(place.parentId!, sourceId, selector, block);
    if (!r.ok) return setError(r.message);
    done();
  };
  const newClaim = (stance: 'pro' | 'con') => {
    if (!captured) return;
    const { sourceId, selector, block } = captured;
    const text = clip(selector.exact.trim().replace(/\s+/g, ' '), CLAIM_TEXT_MAX);
    const made = session.writes.addClaim(
      { thesisId: place.thesisId, parentId: place.parentId },
      stance,
      text,
    );
    if (!made.ok) return setError(made.message);
    const r = session.writes.addAnchor(made.id, sourceId, selector, block);
    if (!r.ok) return setError(r.message);
    session.focus(made.id);
    session.announce(
      `New ${stance} from the passage, quoting it. Press E to put it in your own words.`,
    );
    done();
  };

  return (
    <div
      role="region"
      aria-label="Quote the selected passage"
      className="space-y-2 border-t-2 border-stone-300 bg-white p-3"
    >
      {captured && (
        <p className="line-clamp-2 font-serif text-sm italic text-stone-800">
          “{inLabel(captured.selector.exact.trim())}”
        </p>
      )}
      {(problem || error) && (
        <p role="alert" className="text-sm text-con-800">
          {problem ?? error}
        </p>
      )}
      {captured && (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="quote-bar-target" className="text-sm font-semibold text-stone-800">
              Attach as evidence for
            </label>
            <select
              id="quote-bar-target"
              value={chosen}
              onChange={(e) => setPicked({ value: e.target.value, when: activeId })}
              className="min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" size="sm" disabled={!isClaim} onClick={attach}>
              Attach quote
            </Button>
            <Button size="sm" onClick={() => newClaim('pro')}>
              {isClaim ? 'New pro reply from it' : 'New pro from it'}
            </Button>
            <Button size="sm" onClick={() => newClaim('con')}>
              {isClaim ? 'New con reply from it' : 'New con from it'}
            </Button>
            <Button size="sm" variant="ghost" onClick={done}>
              Cancel
            </Button>
          </div>
          {!isClaim && (
            <p className="text-xs text-stone-600">
              A thesis takes claims, not quotes: start a new pro or con from the passage, or pick a
              claim.
            </p>
          )}
        </>
      )}
      {!captured && (
        <Button size="sm" variant="ghost" onClick={done}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
