import type { Metadata } from 'next';
import Link from 'next/link';
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
  if (!map) {
    return (
      <div className="mx-auto max-w-lg rounded-lg border border-stone-200 bg-white p-6">
        <h1 className="text-xl font-bold">This link does not work</h1>
        <p className="mt-2 text-stone-700">
          The owner may have stopped sharing the map, or the link was copied incompletely. Ask them
          for a new link.
        </p>
        <Link href="/" className="mt-4 inline-block font-medium underline">
          Go to the debate
        </Link>
      </div>
    );
  }
  return (
    <MapEditor
      map={map}
      basePath={`/s/${token}`}
      readOnly
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
