import 'server-only';

// Server-sent events, as the map's stream (stream.ts) and the bell's (bell-stream.ts) write them.

const encoder = new TextEncoder();

/** One event: `id:` (when given, for Last-Event-ID), its name, and its data as JSON. */
export const sseEvent = (name: string, data: unknown, id?: number) =>
  encoder.encode(
    `${id !== undefined ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`,
  );

/** A comment line, which keeps the connection open through proxies. */
export const SSE_PING = encoder.encode(': ping\n\n');

/** How long the browser waits before it reconnects. */
export const sseRetry = (ms: number) => encoder.encode(`retry: ${ms}\n\n`);

/** The response that carries a stream of events: never cached, never buffered by a proxy. */
export const eventStreamResponse = (stream: ReadableStream<Uint8Array>) =>
  new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
