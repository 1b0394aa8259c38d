'use client';

import { useZone } from '@/components/ui/zone';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CommentView } from '@/lib/domain/views';
import { formatDateTime, plural } from '@/lib/format';
import { CommentForm } from './comment-form';
import { TimeAgo } from '@/components/ui/time-ago';
import type { CommentWrites } from '@/lib/editor/comment-writes';

/** The text buttons of a thread (Reply, Resolve) and, smaller, of one comment (Edit, Delete). */
const textButton =
  'rounded px-1.5 py-0.5 font-medium underline-offset-2 hover:bg-stone-100 hover:underline';
export const threadButton = `${textButton} text-sm text-stone-800`;
const itemButton = `${textButton} text-xs`;

/**
 * One comment: who wrote it, when (and whether it was edited), what it says; Edit for its
 * author, Delete for its author and the map's owner, after a confirmation in place. When a form
 * or the confirmation closes, the keyboard goes back to the button that opened it.
 */
export function CommentItem({
  comment,
  replies,
  actions,
  now,
  onGone,
}: {
  comment: CommentView;
  /** For a thread's first comment: how many replies a delete takes with it. */
  replies: number;
  actions: CommentWrites;
  now: number;
  /** Called once the comment is deleted, so the panel can put the keyboard somewhere sensible. */
  onGone: () => void;
}) {
  const [mode, setMode] = useState<'read' | 'edit' | 'confirm'>('read');
  const zone = useZone();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef<'edit' | 'delete' | null>(null);
  const mine = actions.isMine(comment);
  const root = comment.parentId === null;
  const who = mine ? 'your' : `${comment.authorName}’s`;

  useEffect(() => {
    if (mode !== 'read' || !refocus.current) return;
    (refocus.current === 'edit' ? editButton : deleteButton).current?.focus();
    refocus.current = null;
  }, [mode]);

  const back = (to: 'edit' | 'delete') => {
    refocus.current = to;
    setMode('read');
  };

  const question =
    root && replies > 0
      ? `Delete ${who} comment and the ${plural(replies, 'reply', 'replies')} to it?`
      : `Delete ${who} ${root ? 'comment' : 'reply'}?`;

  return (
    <li
      className={root ? '' : 'ml-3 border-l-2 border-stone-200 pl-3 sm:ml-4'}
      data-comment={comment.id}
    >
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold text-stone-900">
          {comment.authorName}
          {mine && <span className="font-normal text-stone-600"> (you)</span>}
        </span>
        <span className="text-xs text-stone-600">
          <TimeAgo iso={comment.createdAt} now={now} />
          {comment.editedAt && (
            <span title={`Edited ${formatDateTime(comment.editedAt, zone)}`}> · edited</span>
          )}
        </span>
      </p>
      {mode === 'edit' ? (
        <div className="mt-1">
          <CommentForm
            id={`comment-edit-${comment.id}`}
            label="Edit your comment"
            submitLabel="Save"
            initial={comment.body}
            autoFocus
            onSubmit={(text) => {
              const failure = actions.edit(comment, text);
              if (!failure) back('edit');
              return failure;
            }}
            onCancel={() => back('edit')}
          />
        </div>
      ) : (
        <p className="mt-0.5 whitespace-pre-wrap break-words text-[0.95rem] text-stone-800">
          {comment.body}
        </p>
      )}
      {mode === 'confirm' && (
        <div
          role="group"
          aria-label="Confirm delete"
          onKeyDown={(e) => {
            // Esc here keeps the comment (and the panel open).
            if (e.key !== 'Escape') return;
            e.preventDefault();
            back('delete');
          }}
          className="mt-2 rounded-md border border-con-600 bg-con-50 p-2 text-sm text-stone-900"
        >
          <p>{question} This cannot be undone.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" autoFocus onClick={() => back('delete')}>
              Keep
            </Button>
            <Button
              size="sm"
              variant="danger"
              onClick={() => {
                setMode('read');
                if (!actions.remove(comment, replies)) onGone();
              }}
            >
              Delete
            </Button>
          </div>
        </div>
      )}
      {mode === 'read' && (actions.mayEdit(comment) || actions.mayDelete(comment)) && (
        <div className="mt-1 flex gap-1">
          {actions.mayEdit(comment) && (
            <button
              ref={editButton}
              type="button"
              className={`${itemButton} text-stone-700`}
              onClick={() => setMode('edit')}
            >
              Edit<span className="sr-only"> your comment</span>
            </button>
          )}
          {actions.mayDelete(comment) && (
            <button
              ref={deleteButton}
              type="button"
              className={`${itemButton} text-con-800`}
              onClick={() => setMode('confirm')}
            >
              Delete<span className="sr-only"> {who} comment</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}
