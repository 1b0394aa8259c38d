import type { ChangesResponse } from '@/lib/schemas/live';
import type { Op, OpsResponse } from '@/lib/schemas/ops';
import { TransportError, type Snapshot, type SyncTransport } from './map-sync';

async function messageOf(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The outbox's link to the server: JSON over fetch. Anything short of an answer about the
 * operations (no network, a restart, a 5xx, an expired session) is a TransportError, so the
 * operations are kept and sent again.
 */
export function httpTransport(base = '', link: string | null = null): SyncTransport {
  // A view link's page reads through its token (it has no session).
  const viaLink = (url: string) =>
    link ? `${url}${url.includes('?') ? '&' : '?'}link=${encodeURIComponent(link)}` : url;
  const call = async (url: string, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new TransportError('The server cannot be reached.', 'offline');
    }
    if (response.ok) return response;
    if (response.status === 401) {
      throw new TransportError(
        await messageOf(response, 'Your session has ended. Sign in again in another tab.'),
        'signed-out',
      );
    }
    if (response.status >= 500 || response.status === 429) {
      throw new TransportError(
        await messageOf(response, 'The server is not answering properly.'),
        response.status === 503 ? 'unavailable' : 'server',
      );
    }
    // 400/403/404 for the whole request: nothing in it can ever be saved as it is.
    throw new TransportError(
      await messageOf(response, 'The server refused these changes.'),
      'server',
    );
  };
  return {
    async send(mapId: string, ops: Op[]): Promise<OpsResponse> {
      const response = await call(`${base}/api/maps/${encodeURIComponent(mapId)}/ops`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ops }),
      });
      try {
        return (await response.json()) as OpsResponse;
      } catch {
        throw new TransportError('The server’s answer was cut off.', 'offline');
      }
    },
    async load(mapId: string): Promise<Snapshot> {
      const response = await call(viaLink(`${base}/api/maps/${encodeURIComponent(mapId)}`));
      return (await response.json()) as Snapshot;
    },
    async changes(mapId: string, since: number): Promise<ChangesResponse> {
      const response = await call(
        viaLink(`${base}/api/maps/${encodeURIComponent(mapId)}/changes?since=${since}`),
      );
      return (await response.json()) as ChangesResponse;
    },
  };
}
