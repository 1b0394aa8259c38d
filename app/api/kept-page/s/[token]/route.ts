import type { NextRequest } from 'next/server';
import { keptPageRoute, sharedPage } from '@/lib/server/kept-page';
import { withDb } from '@/lib/server/with-db';

/** A read-only link's page for a reader without an account, as kept (lib/server/kept-page.ts). */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  const { token } = await params;
  return keptPageRoute(request, `/s/${encodeURIComponent(token)}`, (reader) =>
    withDb(sharedPage, { ...reader, token }),
  );
}
