import { errorWords } from '../error-words';
import type { Role } from './capabilities';

/**
 * Why someone's access to maps changed: said by whoever changed it, carried to every open page
 * of that person (lib/server/live/access.ts), and turned into words here for the page that ends.
 */
export const ACCESS_REASONS = [
  /** The owner changed their role, or they joined through a link with a higher role. */
  'role',
  /** The owner removed them from the map (or they left it). */
  'removed',
  /** Their teacher moved them to another team. */
  'moved',
  /** Their teacher removed them from the class. */
  'class-removed',
  /** Their password was changed (by them, by a reset link, or by their teacher). */
  'password',
  /** They signed out: everywhere, or in this browser. */
  'signed-out',
  /** The admin made their account a student account. */
  'demoted',
  /** The view link the page was opened with was revoked or changed. */
  'link',
  /** Their teacher archived the class (its maps are read-only) or unarchived it. */
  'archived',
] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

export const isAccessReason = (value: unknown): value is AccessReason =>
  typeof value === 'string' && (ACCESS_REASONS as readonly string[]).includes(value);

/** What an open page learns when its live stream ends because access changed. */
export interface AccessEnded {
  reason: AccessReason;
  /** Nothing of the map is open to this reader any more (else: it is, with another role). */
  lost: boolean;
  /** The page's session is gone (signed out, password changed): the way on is signing in. */
  signedOut?: boolean;
  message: string;
}

const ROLE_WORDS: Record<Role, string> = {
  owner: 'manage',
  editor: 'edit',
  commenter: 'comment on',
  viewer: 'only view',
};

/**
 * The words for a page whose access changed: `signedOut` when its session is gone, else `now`
 * is the reader's role in the map now (null: none) and, for an archive, whether the class is
 * archived now (by default: whether the role is only viewing).
 */
export function accessEnded(
  reason: AccessReason,
  outcome: { signedOut: true } | { signedOut: false; now: Role | null; archived?: boolean },
): AccessEnded {
  if (outcome.signedOut) {
    const message =
      reason === 'password'
        ? 'Your password was changed, so this page was signed out. Sign in again with the new password.'
        : reason === 'signed-out'
          ? 'You signed out, so this page was signed out too. Sign in again to keep working.'
          : errorWords('session.ended');
    return { reason, lost: true, signedOut: true, message };
  }
  const { now } = outcome;
  if (now === null) {
    const message: Record<AccessReason, string> = {
      moved:
        'Your teacher moved you to another team, so this map is no longer open to you. Your new team’s map is in the assignment.',
      'class-removed': 'You were removed from this class, so its maps are no longer open to you.',
      removed: 'You were removed from this map, so it is no longer open to you.',
      link: 'This link was revoked, so it no longer opens the map.',
      demoted: 'Your account is no longer a teacher account, so this map is no longer open to you.',
      role: 'You no longer have access to this map.',
      password: 'You no longer have access to this map.',
      'signed-out': 'You no longer have access to this map.',
      archived: 'You no longer have access to this map.',
    };
    return { reason, lost: true, message: message[reason] };
  }
  if (reason === 'link') {
    return {
      reason,
      lost: false,
      message: 'The owner changed what this link shows. Reload the page to see it.',
    };
  }
  if (reason === 'archived') {
    return {
      reason,
      lost: false,
      message:
        (outcome.archived ?? now === 'viewer')
          ? 'This class was archived: its work is read-only now. Reload the page to carry on reading.'
          : `This class was taken out of the archive: you can ${ROLE_WORDS[now]} this map again. Reload the page to carry on.`,
    };
  }
  const why =
    reason === 'demoted'
      ? 'Your account is no longer a teacher account'
      : 'Your access to this map changed';
  return {
    reason,
    lost: false,
    message: `${why}: you can now ${ROLE_WORDS[now]} it. Reload the page to carry on.`,
  };
}

/** The words for a page whose reader keeps their role but may now see more or less of the map. */
export function seeingChanged(reason: AccessReason): AccessEnded {
  return {
    reason,
    lost: false,
    message:
      'The owner changed what you may see of this map (their notes). Reload the page to see it as it is now.',
  };
}
