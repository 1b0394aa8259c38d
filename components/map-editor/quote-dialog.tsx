'use client';

import { Fragment, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import { selectorAt } from '@/lib/domain/quote-anchoring';
import { EvidenceIndex, type FoundPassage } from '@/lib/domain/evidence-finder';
import { quoteDiff } from '@/lib/domain/quote-diff';
import { matchQuote, type FoundQuote } from '@/lib/domain/quote-matching';
import { clip } from '@/lib/domain/text';
import { CLAIM_TEXT_MAX } from '@/lib/schemas/map';
import type { ClaimView } from '@/lib/domain/views';
import { useSession } from '@/components/map/session';
import { EvidenceSuggestions } from './evidence-suggestions';

/**
 * Attach a quote by typing or pasting it: the keyboard way to do what selecting text in an
 * article does. The passage is looked for in both articles, forgiving case, punctuation, quote
 * marks, dashes, "..." for words left out and a few slips (lib/domain/quote-matching.ts); what is
 * stored is the article's own text. When nothing is close, the nearest sentence is offered with
 * the differences marked.
 */
export function QuoteDialog({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const session = useSession();
  const theses = session.theses;
  const sources = useMemo(() => theses.map((t) => t.source), [theses]);
  const ownSource = theses.find((t) => t.id === claim.thesisId)?.source.id ?? sources[0]?.id ?? '';
  const [sourceId, setSourceId] = useState(ownSource);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<FoundQuote | null>(null);
  const articles = useMemo(
    () =>
      theses.map((t) => ({ sourceId: t.source.id, blocks: t.source.blocks.map((b) => b.text) })),
    [theses],
  );
  const titleOf = (id: string) => sources.find((s) => s.id === id)?.title ?? 'the article';

  const index = useMemo(() => new EvidenceIndex(articles), [articles]);
  const related = useMemo(() => index.find(claim.text, 3), [index, claim.text]);

  /** Attaches a passage of an article to a claim (this one by default), then closes. */
  function attachFound(found: Pick<FoundQuote, 'sourceId' | 'location'>, to = claim.id) {
    const blocks = articles.find((a) => a.sourceId === found.sourceId)?.blocks ?? [];
    const result = session.writes.addAnchor(
      to,
      found.sourceId,
      selectorAt(blocks, found.location),
      found.location.block,
    );
    if (!result.ok) return setError(result.message);
    onClose();
  }

  /** Answers the claim with a passage: a con reply in the passage's words, quoting it. */
  function objectWith(passage: FoundPassage) {
    const made = session.writes.addClaim(
      { thesisId: claim.thesisId, parentId: claim.id },
      'con',
      clip(passage.text, CLAIM_TEXT_MAX),
    );
    if (!made.ok) return setError(made.message);
    attachFound(passage, made.id);
  }

  function attach() {
    if (!text.trim()) return setError('Paste or type the passage to quote.');
    const match = matchQuote(articles, text, sourceId);
    if (match.kind === 'found') return attachFound(match);
    const others = sources.filter((s) => s.id !== sourceId).map((s) => `“${s.title}”`);
    setSuggestion(match.suggestion);
    setError(
      `That passage is not in “${titleOf(sourceId)}”${others.length ? `, nor in ${others.join(', ')}` : ''}.` +
        (match.suggestion
          ? ' Did you mean the passage below?'
          : ' Select it in the article, or paste it as written (within one paragraph).'),
    );
  }

  return (
    <Dialog open onClose={onClose} title="Attach a quote as evidence" wide>
      <p className="mb-3 text-sm text-stone-700">
        For: <q className="font-medium">{claim.text}</q>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void attach();
        }}
        className="space-y-3"
      >
        <fieldset>
          <legend className="text-sm font-semibold text-stone-800">Look first in</legend>
          {sources.map((s) => (
            <label key={s.id} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="quote-source"
                checked={sourceId === s.id}
                onChange={() => setSourceId(s.id)}
              />
              {s.publisher}: {s.title}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="quote-text" className="block text-sm font-semibold text-stone-800">
            Passage (within one paragraph; “...” for words left out)
          </label>
          <textarea
            id="quote-text"
            autoFocus
            rows={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
              setSuggestion(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby="quote-error"
            className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1.5 font-serif"
          />
          <FieldError id="quote-error" messages={error} />
          {suggestion && (
            <Suggestion
              typed={text}
              found={suggestion}
              title={titleOf(suggestion.sourceId)}
              onUse={() => attachFound(suggestion)}
            />
          )}
          <p className="mt-1 text-xs text-stone-600">
            Tip: you can also select text in the article with the mouse and attach it from the bar
            that appears.
          </p>
        </div>
        <EvidenceSuggestions
          passages={related}
          publisherOf={(id) => sources.find((s) => s.id === id)?.publisher ?? 'Article'}
          onSupport={(p) => attachFound(p)}
          onObject={(p) => objectWith(p)}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Attach quote
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The nearest passage, with the article's words the student did not type marked. */
function Suggestion({
  typed,
  found,
  title,
  onUse,
}: {
  typed: string;
  found: FoundQuote;
  title: string;
  onUse: () => void;
}) {
  const parts = quoteDiff(typed, found.exact);
  return (
    <div data-quote-suggestion className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-semibold text-stone-800">Did you mean, in “{title}”:</p>
      <blockquote className="mt-1 font-serif text-stone-900">
        {parts.map((p, i) =>
          p.kind === 'removed' ? (
            <Fragment key={i}>
              <del className="text-con-800" title="You typed this; the article does not say it">
                {p.text}
              </del>
              {parts[i + 1]?.kind === 'added' && !/\s$/.test(p.text) ? ' ' : ''}
            </Fragment>
          ) : p.kind === 'added' ? (
            <ins key={i} className="bg-amber-200 no-underline" title="The article says this">
              {p.text}
            </ins>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </blockquote>
      <p className="mt-1 text-xs text-stone-600">
        Highlighted: the article’s words you did not type. Struck out: words not in the article.
      </p>
      <Button size="sm" className="mt-2" onClick={onUse}>
        Use this passage
      </Button>
    </div>
  );
}
