import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MapEditor } from '@/components/map-editor/map-editor';
import { CopyMapButton } from '@/components/maps/copy-map-button';
import { unlessMissing } from '@/lib/errors';
import { db } from '@/lib/server/db';
import { getCurrentUser } from '@/lib/server/session';
import { getSharedMap } from '@/lib/server/share-links';

export const metadata: Metadata = { title: 'Shared map', robots: { index: false } };

export default async function SharedMapPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  const map = await unlessMissing(getSharedMap(db, { token }));
  // A revoked or unknown link answers 404 (not-found.tsx beside this page says why).
  if (!map) notFound();
  return (
    <MapEditor
      map={map}
      basePath={`/s/${token}`}
      role={null}
      headerActions={
        user ? (
          <CopyMapButton token={token} />
        ) : (
          <Link
            href={`/sign-in?next=/s/${encodeURIComponent(token)}`}
            className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
          >
            Sign in to make a copy
          </Link>
        )
      }
    />
  );
}
