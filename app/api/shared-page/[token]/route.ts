import type { NextRequest } from 'next/server';
import { NONCE_HEADER, turnKeptPagesOff } from '@/lib/kept-pages';
import { renderHere, sharedPage, type RenderPage } from '@/lib/server/shared-page';
import { viewerZoneOf } from '@/lib/server/viewer-zone';
import { withDb } from '@/lib/server/with-db';

class Unreachable extends Error {}

const render: RenderPage = (path, zone) =>
  renderHere(path, zone).catch((error: unknown) => {
    throw new Unreachable('This server could not ask itself for a page.', { cause: error });
  });

/**
 * A read-only link's page, `/s/<token>`, for a reader without an account: proxy.ts sends such
 * requests here (lib/kept-pages.ts), and the page is served as kept (lib/server/shared-page.ts).
 * Reached only that way: a request that did not pass the proxy has no nonce and is not found.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  const nonce = request.headers.get(NONCE_HEADER);
  if (!nonce) return new Response('Not found', { status: 404 });
  const { token } = await params;
  const query = request.nextUrl.search;
  try {
    return await withDb(sharedPage, {
      token,
      query,
      zone: viewerZoneOf(request.headers),
      nonce,
      render,
    });
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    // From now on every reader's page is rendered for them (by the page itself, as for readers
    // with an account), starting with this one's, one redirect away.
    console.error('Read-only link pages are no longer kept:', error.cause);
    turnKeptPagesOff();
    return new Response(null, {
      status: 307,
      headers: { location: `/s/${encodeURIComponent(token)}${query}`, 'cache-control': 'no-store' },
    });
  }
}
