import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { MapEditor } from '@/components/map-editor/map-editor';
import { CopyMapButton } from '@/components/maps/copy-map-button';
import { JoinInvite } from '@/components/maps/join-invite';
import { atLeast } from '@/lib/domain/people';
import { unlessMissing } from '@/lib/errors';
import { mapRole } from '@/lib/server/access';
import { getCurrentUser } from '@/lib/server/session';
import { findJoinLink, getSharedMapPage } from '@/lib/server/share-links';
import { buttonClass } from '@/components/ui/button';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Shared map', robots: { index: false } };

export default async function SharedMapPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();

  // A commenter or editor link invites its holder to join; it never shows the map by itself.
  const invite = await withDb(findJoinLink, { token });
  if (invite) {
    const role = user ? await withDb(mapRole, user.id, invite.mapId) : null;
    if (role && atLeast(role, invite.role)) redirect(`/maps/${encodeURIComponent(invite.mapId)}`);
    return <JoinInvite invite={invite} token={token} user={user} currentRole={role} />;
  }

  const page = await unlessMissing(withDb(getSharedMapPage, { token }));
  // A revoked or unknown link answers 404 (not-found.tsx beside this page says why).
  if (!page) notFound();
  return (
    <MapEditor
      map={page.map}
      seen={page.seen}
      basePath={`/s/${token}`}
      role={null}
      liveLink={token}
      headerActions={
        user ? (
          <CopyMapButton token={token} />
        ) : (
          <Link href={`/sign-in?next=/s/${encodeURIComponent(token)}`} className={buttonClass()}>
            Sign in to make a copy
          </Link>
        )
      }
    />
  );
}
