import { refusalFor } from '@/lib/domain/capabilities';
import { errorWords } from '@/lib/error-words';
import type { CommentThread } from '@/lib/domain/comments';
import type { CommentView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { opSchema } from '@/lib/schemas/ops';
import type { Role } from '@/lib/domain/capabilities';
import type { OpDraft } from '@/lib/schemas/ops';

/** What a form hears back: null once the change is on its way, or why it was not sent. */
export type CommentOutcome = string | null;

/** A valid id for checking a body against the op schema (the real op gets its own ids). */
const PROBE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * A comment's body as the server will store it (trimmed), or the schema's own message: the
 * form checks with the very rule the server applies, so what it accepts is never refused later.
 */
export function checkCommentBody(body: string): { body: string } | { error: string } {
  const parsed = opSchema.safeParse({
    id: PROBE_ID,
    kind: 'comment.edit',
    commentId: PROBE_ID,
    body,
  });
  if (parsed.success && parsed.data.kind === 'comment.edit') return { body: parsed.data.body };
  const issues = parsed.error?.issues ?? [];
  const message = (issues.find((i) => i.path[0] === 'body') ?? issues[0])?.message;
  return { error: message ?? 'Check the comment and try again.' };
}

export interface CommentHost {
  submit(op: OpDraft): void;
  /** Says what happened, for screen readers. */
  announce(message: string): void;
  newId(): string;
  me: { id: string; name: string } | null;
  role: Role | null;
  canComment: boolean;
}

/**
 * Comment writes for the panel: each checks what it can here (the role, the body), sends one
 * operation through the editor's outbox (so it shows at once, survives a reload and goes live to
 * everyone), and says what happened for screen readers. The server checks everything again; a
 * refusal comes back through the editor's usual banner and announcement.
 */
export function commentWrites(host: CommentHost) {
  const { announce, me, role, canComment } = host;
  const submit = (op: OpDraft) => host.submit(op);
  const canWrite = canComment && me !== null;
  /** Why this person cannot write, or null when they can. */
  const refusal = () => (canWrite ? null : refusalFor('comment.write', role));

  /** Sends a new comment (a thread's first, or a reply to `parentId`) once its body checks. */
  const post = (
    claimId: string,
    parentId: string | null,
    text: string,
    said: string,
  ): CommentOutcome => {
    const refused = refusal();
    if (refused) return refused;
    const checked = checkCommentBody(text);
    if ('error' in checked) return checked.error;
    submit({
      kind: 'comment.add',
      commentId: host.newId(),
      claimId,
      parentId,
      body: checked.body,
    });
    announce(said);
    return null;
  };

  return {
    canWrite,
    /** Only the author changes their words. */
    mayEdit: (c: CommentView) => canWrite && c.authorId === me?.id,
    /** The author, or the map's owner (who keeps the class's conversation tidy). */
    mayDelete: (c: CommentView) => canWrite && (c.authorId === me?.id || role === 'owner'),
    isMine: (c: CommentView) => c.authorId === me?.id,

    /** Starts a thread on a claim. */
    add: (claimId: string, text: string) => post(claimId, null, text, 'Comment added.'),

    /** Answers a thread (the reply hangs off its first comment). */
    reply: (thread: CommentThread, text: string) =>
      post(
        thread.root.claimId,
        thread.root.id,
        text,
        `Reply added to ${thread.root.authorName}’s thread.`,
      ),

    edit(comment: CommentView, text: string): CommentOutcome {
      if (comment.authorId !== me?.id) return errorWords('comment.notAuthor');
      const refused = refusal();
      if (refused) return refused;
      const checked = checkCommentBody(text);
      if ('error' in checked) return checked.error;
      if (checked.body === comment.body) {
        announce('Nothing changed.');
        return null;
      }
      submit({ kind: 'comment.edit', commentId: comment.id, body: checked.body });
      announce('Comment saved.');
      return null;
    },

    /** Deletes a comment; a thread's first comment takes its replies (`replies` says how many). */
    remove(comment: CommentView, replies: number): CommentOutcome {
      const refused = refusal();
      if (refused) return refused;
      submit({ kind: 'comment.delete', commentId: comment.id });
      announce(
        comment.parentId === null && replies > 0
          ? `Thread deleted, with its ${plural(replies, 'reply', 'replies')}.`
          : 'Comment deleted.',
      );
      return null;
    },

    /** Resolves a thread (it moves under “Resolved”) or reopens it. */
    setResolved(thread: CommentThread, resolved: boolean): CommentOutcome {
      const refused = refusal();
      if (refused) return refused;
      submit({ kind: 'comment.resolve', commentId: thread.root.id, resolved });
      announce(resolved ? 'Thread resolved: it is now under “Resolved”.' : 'Thread reopened.');
      return null;
    },
  };
}

export type CommentWrites = ReturnType<typeof commentWrites>;
