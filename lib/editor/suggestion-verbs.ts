import type { Stance } from '@/lib/domain/argument-tree';
import type { ClaimView } from '@/lib/domain/views';
import { errorWords } from '@/lib/error-words';
import { claimText } from '@/lib/schemas/map';
import { composerFor, inLabel } from './places';
import type { EditorSession } from './session';
import type { WriteResult } from './writes';

/**
 * The editor's verbs for suggestions (lib/domain/suggestions.ts): the session's own methods of the
 * same names call these with itself.
 */
type Host = Pick<
  EditorSession,
  'sync' | 'suggestions' | 'writes' | 'screen' | 'canReview' | 'canEdit' | 'dispatch' | 'announce'
>;

/** Opens the form for a suggestion under a claim or (no claim) the thesis. */
export function compose(s: Host, thesisId: string, claim: ClaimView | null): void {
  const target = composerFor(s.sync.state.claims, thesisId, claim, 'pro');
  const label = claim
    ? `Suggest a reply to “${inLabel(claim.text)}”`
    : `Suggest a claim for the thesis`;
  s.dispatch({ type: 'compose', target: { ...target, label, suggest: true } });
}

/** Sends the suggestion typed in the composer, which then says it was sent. */
export async function send(s: Host, text: string, stance: Stance): Promise<WriteResult> {
  const target = s.screen.composer;
  if (!target?.suggest || !s.suggestions)
    return { ok: false, message: 'The suggestion form was closed.' };
  const parsed = claimText.safeParse(text);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the text.' };
  const answer = await s.suggestions.suggest(target.place, stance, parsed.data);
  if (!answer.ok) return answer;
  s.announce('Suggestion sent to the map’s editors.');
  return { ok: true };
}

/**
 * Accepts a suggestion: a claim.add naming it, through the outbox like any other change (live
 * for everyone, in History, undone by Ctrl+Z); the server writes it as the suggester's. Where
 * the claim it answers is gone, nothing is sent and the suggestion stays open.
 */
export function accept(s: Host, id: string): WriteResult<{ id: string }> {
  const suggestion = s.suggestions?.find(id);
  if (!suggestion || !s.canReview || !s.canEdit)
    return { ok: false, message: errorWords('suggestion.gone') };
  if (suggestion.status !== 'open') return { ok: false, message: errorWords('suggestion.decided') };
  const { thesisId, parentId, stance, text } = suggestion;
  if (parentId && !s.sync.state.claims.some((c) => c.id === parentId))
    return { ok: false, message: errorWords('suggestion.parentGone') };
  s.dispatch({ type: 'error', text: null });
  const result = s.writes.addClaim({ thesisId, parentId }, stance, text, undefined, {
    suggestionId: id,
  });
  if (!result.ok) return result;
  s.suggestions!.markAccepted(id, result.id);
  s.announce('Suggestion accepted: it is in the map as its author’s claim. Ctrl+Z undoes it.');
  return result;
}
