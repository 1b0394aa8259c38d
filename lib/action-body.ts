/**
 * Server-action requests whose body Next.js cannot take: over the 8 MB `bodySizeLimit` of
 * next.config.js, or not decodable as a server action's arguments. Next answers both with a 500
 * (its action handler treats them as errors of the app); the proxy answers them here first, with
 * a 4xx and a message. A browser running this app never sends either (imports stop at 5 MB).
 */

/** next.config.js `experimental.serverActions.bodySizeLimit`. */
export const ACTION_BODY_MAX = 8 * 1024 * 1024;

const refuse = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/** A 413 or 400 answer for a server-action request that cannot be read, or null to go on. */
export async function refuseUnreadableAction(request: Request): Promise<Response | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const tooLarge = () => refuse(413, 'That request is too large: at most 8 MB can be sent.');
  if (Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_MAX) return tooLarge();
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      await request.clone().formData();
      return null;
    }
    const body = await request.clone().arrayBuffer();
    if (body.byteLength > ACTION_BODY_MAX) return tooLarge();
    // React's encodeReply sends plain arguments as JSON text.
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return null;
  } catch {
    return refuse(400, 'That request could not be read (it is not a valid call of this app).');
  }
}
