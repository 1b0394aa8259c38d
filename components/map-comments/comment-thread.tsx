'use client';

import { useEffect, useRef, useState } from 'react';
import type { CommentThread } from '@/lib/domain/comments';
import { CommentForm } from './comment-form';
import { CommentItem, threadButton } from './comment-item';
import { TimeAgo } from '@/components/ui/time-ago';
import type { CommentWrites } from '@/lib/editor/comment-writes';

/**
 * A thread: its first comment and the replies under it, then Reply and Resolve (or, once
 * resolved, Reopen) for anyone who may comment. A resolved thread takes no replies until it is
 * reopened, as in Google Docs.
 */
export function CommentThreadView({
  thread,
  actions,
  now,
  onGone,
}: {
  thread: CommentThread;
  actions: CommentWrites;
  now: number;
  /** Called when the thread leaves this list (resolved, reopened, deleted). */
  onGone: () => void;
}) {
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const { root, replies, resolved } = thread;

  // Back to Reply once the reply form closes (sent or cancelled).
  useEffect(() => {
    if (replying || !refocus.current) return;
    refocus.current = false;
    replyButton.current?.focus();
  }, [replying]);

  const closeReply = () => {
    refocus.current = true;
    setReplying(false);
  };

  return (
    <li>
      <article
        aria-label={`Thread started by ${root.authorName}${resolved ? ', resolved' : ''}`}
        className={`rounded-md border p-3 ${resolved ? 'border-stone-200 bg-stone-50' : 'border-stone-300 bg-white shadow-sm'}`}
        data-thread={root.id}
      >
        {resolved && root.resolvedAt && (
          <p className="mb-1.5 text-xs font-semibold text-pro-800">
            Resolved <TimeAgo iso={root.resolvedAt} now={now} />
          </p>
        )}
        <ol className="space-y-2" aria-label="Comments in this thread">
          <CommentItem
            comment={root}
            replies={replies.length}
            actions={actions}
            now={now}
            onGone={onGone}
          />
          {replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              replies={0}
              actions={actions}
              now={now}
              onGone={onGone}
            />
          ))}
        </ol>
        {replying && (
          <div className="mt-2 border-t border-stone-100 pt-2">
            <CommentForm
              id={`comment-reply-${root.id}`}
              label={`Reply to ${root.authorName}`}
              submitLabel="Reply"
              autoFocus
              onSubmit={(text) => {
                const failure = actions.reply(thread, text);
                if (!failure) closeReply();
                return failure;
              }}
              onCancel={closeReply}
            />
          </div>
        )}
        {actions.canWrite && !replying && (
          <div className="mt-2 flex flex-wrap gap-1 border-t border-stone-100 pt-2">
            {!resolved && (
              <button
                ref={replyButton}
                type="button"
                className={threadButton}
                onClick={() => setReplying(true)}
              >
                Reply
              </button>
            )}
            <button
              type="button"
              className={threadButton}
              onClick={() => {
                if (!actions.setResolved(thread, !resolved)) onGone();
              }}
            >
              {resolved ? 'Reopen' : 'Resolve'}
              <span className="sr-only"> thread</span>
            </button>
          </div>
        )}
      </article>
    </li>
  );
}
