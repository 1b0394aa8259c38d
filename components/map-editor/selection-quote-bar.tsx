'use client';

import { useEffect, useState } from 'react';
import { CONTEXT_LENGTH, type TextQuoteSelector } from '@/lib/domain/quote-anchoring';
import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from '@/components/map/session';
import { clip, clipStart } from '@/lib/domain/text';
import { inLabel } from '@/lib/editor/places';

interface Captured {
  sourceId: string;
  block: number;
  selector: TextQuoteSelector;
}

/** The selection, if it lies within one paragraph of an article, as a quote selector. */
function captureSelection(): Captured | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const el = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const startBlock = el(range.startContainer)?.closest('[data-block]');
  const endBlock = el(range.endContainer)?.closest('[data-block]');
  const article = startBlock?.closest('[data-article]');
  if (!startBlock || startBlock !== endBlock || !article) return null;
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

/** Appears when text is selected in an article: attaches it to the selected claim as evidence. */
export function SelectionQuoteBar() {
  const session = useSession();
  const { claims, screen } = useEditorState();
  const claim = claims.find((c) => c.id === screen.activeId) ?? null;
  const [captured, setCaptured] = useState<Captured | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onChange = () => {
      const next = captureSelection();
      setCaptured(next);
      if (next) setError(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  if (!captured && !error) return null;

  return (
    <div
      data-no-print
      role="region"
      aria-label="Quote the selected passage"
      // Keeps the text selected while the buttons are pressed.
      onMouseDown={(e) => e.preventDefault()}
      className="fixed inset-x-2 bottom-3 z-40 mx-auto max-w-2xl rounded-lg border border-stone-300 bg-white p-3 shadow-2xl"
    >
      {captured && (
        <p className="font-serif text-sm italic text-stone-800">
          “{inLabel(captured.selector.exact.trim())}”
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-con-800">
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-sm text-stone-700">
          {claim ? (
            <>
              Attach as evidence for <q className="font-medium">{inLabel(claim.text)}</q>
            </>
          ) : (
            'Select a claim in the map first, then select its evidence here.'
          )}
        </p>
        <div className="flex gap-2">
          <Button
            onClick={() => {
              setCaptured(null);
              setError(null);
              window.getSelection()?.removeAllRanges();
            }}
          >
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={!claim || !captured}
            onClick={() => {
              if (!claim || !captured) return;
              const { sourceId, selector, block } = captured;
              const r = session.writes.addAnchor(claim.id, sourceId, selector, block);
              setError(r.ok ? null : r.message);
              if (r.ok) {
                setCaptured(null);
                window.getSelection()?.removeAllRanges();
              }
            }}
          >
            Attach quote
          </Button>
        </div>
      </div>
    </div>
  );
}
