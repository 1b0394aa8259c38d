/**
 * Adds many students a few at a time, so the page can say how far it got ("Adding 11–15 of
 * 25…") and a failure loses nothing already made: each batch is its own request (and its own
 * transaction on the server), the students of the batches that succeeded are returned with their
 * passwords (shown once, so never to be dropped), and the names not added are returned with why.
 */

/** Students per request: the server hashes passwords eight at a time. */
export const ADD_BATCH = 5;

export interface BatchOutcome<T> {
  added: T[];
  /** The names not added (the failed batch and every one after it), in order. */
  notAdded: string[];
  /** Why the first of them failed; null when every name was added. */
  error: string | null;
}

type Sent<T> = { ok: true; data: T[] } | { ok: false; message: string };

export async function addInBatches<T>(
  names: readonly string[],
  send: (batch: string[]) => Promise<Sent<T>>,
  onProgress: (progress: { done: number; sending: number; total: number }) => void,
  size = ADD_BATCH,
): Promise<BatchOutcome<T>> {
  const added: T[] = [];
  for (let i = 0; i < names.length; i += size) {
    const batch = names.slice(i, i + size);
    onProgress({ done: i, sending: batch.length, total: names.length });
    let result: Sent<T>;
    try {
      result = await send(batch);
    } catch {
      result = {
        ok: false,
        message: 'The server could not be reached. Check the connection and try again.',
      };
    }
    if (!result.ok) return { added, notAdded: names.slice(i), error: result.message };
    added.push(...result.data);
  }
  onProgress({ done: names.length, sending: 0, total: names.length });
  return { added, notAdded: [], error: null };
}
