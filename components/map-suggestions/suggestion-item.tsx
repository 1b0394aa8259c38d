'use client';

import { useId, useRef, useState } from 'react';
import { StanceBadge } from '@/components/map/stance-badge';
import { useSession } from '@/components/map/session';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { TimeAgo } from '@/components/ui/time-ago';
import { polarities, roleFor } from '@/lib/domain/dialectic';
import {
  STATUS_LABELS,
  SUGGESTION_ANSWER_MAX,
  type SuggestionView,
} from '@/lib/domain/suggestions';
import type { ClaimView, ThesisView } from '@/lib/domain/views';
import { inLabel } from '@/lib/editor/places';

/** Where a suggestion goes, in words: under which claim (as it reads now) or which thesis. */
function placeOf(s: SuggestionView, claims: ClaimView[], theses: ThesisView[]) {
  const thesis = theses.find((t) => t.id === s.thesisId);
  if (!s.parentId) return { text: `For the thesis “${thesis?.label ?? 'unknown'}”`, gone: false };
  const parent = claims.find((c) => c.id === s.parentId);
  return parent
    ? { text: `Reply to “${inLabel(parent.text)}”`, gone: false }
    : { text: 'Reply to a claim that was deleted', gone: true };
}

/**
 * One suggestion in the list: where it goes, its stance and words, who made it and when; for the
 * map's editors, Accept, Answer (a short reply, which closes it) and Decline while it is open;
 * for everyone who sees it, what happened to it.
 */
export function SuggestionItem({
  suggestion: s,
  claims,
  review,
  now,
  onDecided,
}: {
  suggestion: SuggestionView;
  claims: ClaimView[];
  review: boolean;
  now: number;
  /** It left the open list (the keyboard goes elsewhere). */
  onDecided: () => void;
}) {
  const session = useSession();
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answerButton = useRef<HTMLButtonElement>(null);
  const base = useId();
  const place = placeOf(s, claims, session.theses);
  const parentPolarity = s.parentId ? (polarities(claims).get(s.parentId) ?? 1) : 1;
  const role = roleFor(s.stance, parentPolarity);
  const open = s.status === 'open';
  const claimLive = s.claimId !== null && claims.some((c) => c.id === s.claimId);

  const accept = () => {
    const result = session.acceptSuggestion(s.id);
    if (!result.ok) return setError(result.message);
    onDecided();
  };
  const decide = async (
    decision: { decision: 'answer'; answer: string } | { decision: 'decline' },
  ) => {
    if (!session.suggestions || busy) return;
    setBusy(true);
    const result = await session.suggestions.decide(s.id, decision);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    session.announce(decision.decision === 'answer' ? 'Answer sent.' : 'Suggestion declined.');
    onDecided();
  };
  const showClaim = () => {
    session.closeDialog();
    if (s.claimId) session.focus(s.claimId);
  };

  return (
    <li
      className="rounded-md border border-stone-200 bg-white p-3"
      data-suggestion={s.id}
      data-status={s.status}
    >
      <p className={`text-xs ${place.gone ? 'font-semibold text-con-800' : 'text-stone-600'}`}>
        {place.text}
      </p>
      <div className="mt-1 flex items-start gap-2">
        <StanceBadge stance={s.stance} role={role} />
        <p className="min-w-0 flex-1 whitespace-pre-wrap break-words">{s.text}</p>
      </div>
      <p className="mt-1 text-xs text-stone-600">
        {s.mine ? 'You suggested this' : `Suggested by ${s.author.name || 'someone'}`} ·{' '}
        <TimeAgo iso={s.createdAt} now={now} />
      </p>
      {!open && (
        <p className="mt-2 text-sm" data-outcome={s.status}>
          <span
            className={`rounded px-1.5 py-0.5 text-xs font-semibold ${
              s.status === 'accepted'
                ? 'bg-emerald-100 text-emerald-900'
                : s.status === 'declined'
                  ? 'bg-stone-200 text-stone-800'
                  : 'bg-sky-100 text-sky-900'
            }`}
          >
            {STATUS_LABELS[s.status]}
          </span>
          {s.decidedAt && (
            <span className="ml-2 text-xs text-stone-600">
              <TimeAgo iso={s.decidedAt} now={now} />
            </span>
          )}
          {s.status === 'accepted' &&
            (claimLive ? (
              <Button size="sm" variant="ghost" className="ml-1 underline" onClick={showClaim}>
                Show it in the map
              </Button>
            ) : (
              <span className="ml-2 text-xs text-stone-600">(since removed from the map)</span>
            ))}
        </p>
      )}
      {s.status === 'answered' && s.answer && (
        <blockquote className="mt-2 whitespace-pre-wrap break-words rounded border-l-4 border-sky-300 bg-sky-50 px-2 py-1 text-sm">
          {s.answer}
        </blockquote>
      )}
      {open && !review && <p className="mt-2 text-xs text-stone-700">{STATUS_LABELS.open}</p>}
      {open && review && place.gone && (
        <p className="mt-2 text-sm text-stone-800">
          The claim it answers was deleted, so it cannot be added there. Answer or decline it.
        </p>
      )}
      <FieldError id={`${base}-error`} messages={error} />
      {open && review && !answering && (
        <div className="mt-2 flex flex-wrap gap-2">
          {!place.gone && (
            <Button size="sm" variant="primary" onClick={accept} disabled={busy}>
              Accept
            </Button>
          )}
          <Button ref={answerButton} size="sm" onClick={() => setAnswering(true)} disabled={busy}>
            Answer…
          </Button>
          <Button size="sm" onClick={() => void decide({ decision: 'decline' })} disabled={busy}>
            Decline
          </Button>
        </div>
      )}
      {open && review && answering && (
        <form
          className="mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            void decide({ decision: 'answer', answer });
          }}
        >
          <label htmlFor={`${base}-answer`} className="block text-sm font-semibold">
            Your answer (closes the suggestion)
          </label>
          <textarea
            id={`${base}-answer`}
            autoFocus
            rows={2}
            value={answer}
            maxLength={SUGGESTION_ANSWER_MAX + 100}
            onChange={(e) => {
              setAnswer(e.target.value);
              setError(null);
            }}
            aria-describedby={`${base}-error`}
            className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1.5 text-base"
          />
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" type="submit" variant="primary" disabled={busy}>
              Send answer
            </Button>
            <Button
              size="sm"
              onClick={() => {
                setAnswering(false);
                requestAnimationFrame(() => answerButton.current?.focus());
              }}
              disabled={busy}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
