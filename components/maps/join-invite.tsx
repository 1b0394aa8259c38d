import { SignInLinks } from '@/components/ui/sign-in-links';
import type { Role } from '@/lib/domain/capabilities';
import { LINK_VERBS, type JoinLinkView } from '@/lib/domain/people';
import { JoinMapForm } from './join-map-form';

/**
 * The page a commenter or editor link opens: it says who invited you to do what, then lets you
 * join (signed in) or sends you to sign in or sign up and back here (signed out). The map itself
 * is never shown through such a link: only its members see it.
 */
export function JoinInvite({
  invite,
  token,
  user,
  currentRole,
}: {
  invite: JoinLinkView;
  token: string;
  user: { name: string } | null;
  /** The signed-in person's role now, when lower than the link's (a viewer joining to edit). */
  currentRole: Role | null;
}) {
  const joinAs = invite.role === 'editor' ? 'editor' : 'commenter';
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold break-words">
        {invite.ownerName} invited you to {LINK_VERBS[invite.role]} “{invite.title}”
      </h1>
      {user ? (
        <>
          <p className="text-stone-700">
            You are signed in as {user.name}.{' '}
            {currentRole
              ? `You can already read this map; joining lets you ${LINK_VERBS[invite.role]} it too.`
              : `Join to open the map as its ${joinAs}. It will be listed in My maps under “Shared with me”.`}
          </p>
          <JoinMapForm token={token} label={`Join as ${joinAs}`} />
        </>
      ) : (
        <>
          <p className="text-stone-700">Sign in or create an account to join.</p>
          <SignInLinks back={`/s/${token}`} />
        </>
      )}
    </div>
  );
}
