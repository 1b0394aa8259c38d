'use client';

import { ErrorBanner } from '@/components/ui/error-banner';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { threadsOf, type CommentThread } from '@/lib/domain/comments';
import { CommentForm } from './comment-form';
import { CommentThreadView } from './comment-thread';
import { useNow } from '@/components/ui/time-ago';
import { useEditorState, useSession } from '@/components/map/session';
import type { CommentWrites } from '@/lib/editor/comment-writes';

/**
 * The comments on one claim, Google Docs style: a field for a new comment, the open threads
 * (oldest first), and the resolved ones folded under "Resolved (n)". Everything in it is live:
 * a reply written in another tab shows up here as it lands. Commenters, editors and the owner
 * write; viewers read; a view link shows no comments at all (they are the class's conversation).
 *
 * A modal dialog on purpose: the browser keeps the keyboard inside it, Esc closes it, and it
 * is a centred panel on a wide screen and (nearly) the whole width of a phone.
 */
export function CommentsPanel({ claimId }: { claimId: string }) {
  const session = useSession();
  const { claims, map, screen } = useEditorState();
  const actions = session.comments;
  const now = useNow();
  const field = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const claim = claims.find((c) => c.id === claimId) ?? null;
  const threads = useMemo(() => threadsOf(map.comments, claimId), [map.comments, claimId]);
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);

  // The dialog opens in its own effect (a child's runs first), so the field can take focus now.
  useEffect(() => {
    field.current?.focus();
  }, []);

  /** When a thread or comment leaves the list, the keyboard goes to the new-comment field. */
  const refocus = useCallback(() => {
    requestAnimationFrame(() => (field.current ?? heading.current)?.focus());
  }, []);

  const close = () => {
    session.closeDialog();
    // Back to the claim's row in the outline (in the graph, the dialog returns focus itself).
    if (screen.view === 'outline' && claim) session.focus(claimId);
  };

  return (
    <Dialog open onClose={close} title="Comments" wide>
      {/* Keys typed here are the panel's: the editor's shortcuts (?, Ctrl+Z) stay out of it. */}
      <div className="space-y-4" onKeyDown={(e) => e.stopPropagation()} data-comments-panel>
        {/* The page behind a modal dialog is inert, and so is the editor's live region. */}
        <p className="sr-only" aria-live="polite">
          {screen.announcement}
        </p>
        {screen.error && (
          // The editor's banner is behind the dialog: a refused comment is explained here.
          <ErrorBanner message={screen.error} onDismiss={session.dismissError} />
        )}
        {claim ? (
          <p className="line-clamp-3 break-words rounded border-l-4 border-stone-300 bg-stone-50 px-2 py-1 text-sm text-stone-700">
            <span className="font-semibold">On the claim: </span>
            {claim.text}
          </p>
        ) : (
          <p role="status" className="rounded bg-stone-100 px-2 py-1 text-sm text-stone-800">
            This claim was just deleted, so its comments are hidden. They come back if the claim is
            restored (Ctrl+Z, or from Trash).
          </p>
        )}
        {session.role === null ? (
          <p className="text-sm text-stone-700">
            Comments are only for the people this map is shared with. Ask its owner to invite you,
            then open the map from “My maps”.
          </p>
        ) : (
          claim && (
            <>
              {actions.canWrite ? (
                <CommentForm
                  id={`comment-new-${claimId}`}
                  label="New comment"
                  submitLabel="Comment"
                  fieldRef={field}
                  onSubmit={(text) => actions.add(claimId, text)}
                />
              ) : (
                <p className="text-sm text-stone-700">
                  You can read these comments but not write here. To join in, ask the map’s owner
                  for comment access.
                </p>
              )}
              <section aria-labelledby={headingId} className="space-y-2">
                <h3
                  id={headingId}
                  ref={heading}
                  tabIndex={-1}
                  className="text-sm font-semibold text-stone-900 outline-none"
                >
                  Open threads ({open.length})
                </h3>
                {open.length === 0 ? (
                  <p className="text-sm text-stone-600">
                    {threads.length === 0
                      ? `No comments on this claim yet.${actions.canWrite ? ' Start a thread above.' : ''}`
                      : 'Every thread here is resolved.'}
                  </p>
                ) : (
                  <ThreadList threads={open} actions={actions} now={now} onGone={refocus} />
                )}
              </section>
              {resolved.length > 0 && (
                <details className="group rounded-md border border-stone-200">
                  <summary className="cursor-pointer select-none rounded-md px-3 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50">
                    Resolved ({resolved.length})
                  </summary>
                  <div className="px-3 pb-3">
                    <ThreadList threads={resolved} actions={actions} now={now} onGone={refocus} />
                  </div>
                </details>
              )}
            </>
          )
        )}
      </div>
    </Dialog>
  );
}

function ThreadList({
  threads,
  actions,
  now,
  onGone,
}: {
  threads: CommentThread[];
  actions: CommentWrites;
  now: number;
  onGone: () => void;
}) {
  return (
    <ul className="space-y-3">
      {threads.map((thread) => (
        <CommentThreadView
          key={thread.root.id}
          thread={thread}
          actions={actions}
          now={now}
          onGone={onGone}
        />
      ))}
    </ul>
  );
}
