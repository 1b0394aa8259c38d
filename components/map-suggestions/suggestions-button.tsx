'use client';

import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from '@/components/map/session';

/**
 * Above the map, once there are any: "Suggestions (N)" for its editors and owner (N open,
 * waiting for them), or "Your suggestions (N)" for someone who has made some. Opens the list.
 */
export function SuggestionsButton() {
  const session = useSession();
  const { suggestions } = useEditorState();
  if (!suggestions) return null;
  const review = suggestions.mode === 'review';
  // Nothing to show in a map nobody has suggested anything to (most of them).
  if (suggestions.items.length === 0) return null;
  const count = review ? suggestions.open : suggestions.items.length;
  return (
    <Button
      onClick={() => session.open('suggestions', null)}
      data-suggestions-count={count}
      data-no-print
    >
      {review && count > 0 && (
        // Something waits for an editor: a dot, besides the number.
        <span aria-hidden="true" className="size-2 rounded-full bg-amber-500" />
      )}
      {review ? 'Suggestions' : 'Your suggestions'} ({count})
    </Button>
  );
}
