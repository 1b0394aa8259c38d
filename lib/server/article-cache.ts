import 'server-only';
import { pubsub, type BusMessage } from './live/pubsub';

/**
 * Articles' text as the server checks quotes against it (lib/server/ops/evidence-ops.ts), kept
 * per process so it is not read and parsed for every quote. An article changes only when its
 * teacher edits the debate (lib/server/classroom/debate-edit.ts), which calls `articlesChanged`
 * after the change commits: this process forgets them at once, and every other app server on
 * the same database on the live pub/sub's topic below. Should that message be lost (the
 * connection between servers dropped), the resync that follows clears everything, and an entry
 * is never used for longer than MAX_AGE_MS anyway.
 */

export interface ArticleText {
  id: string;
  title: string;
  blocks: string[];
}

/** The pub/sub topic of edited articles (map topics are map ids, never this). */
export const ARTICLES_TOPIC = '#articles';
const MAX_ENTRIES = 100;
const MAX_AGE_MS = 10 * 60 * 1000;

const cache = new Map<string, { article: ArticleText; at: number }>();
let listening: object | null = null;
/** Other caches that hold article text (debate views, lib/server/shared-parts.ts): emptied too. */
const followers = new Set<() => void>();

/**
 * Listens for edits on the process's current pub/sub (once per pub/sub: tests replace it). Every
 * cache that holds articles calls this before it answers from memory.
 */
export function listenForArticleEdits() {
  const bus = pubsub();
  if (listening === bus) return;
  listening = bus;
  bus.subscribe(ARTICLES_TOPIC, (message: BusMessage) => {
    if (message.type === 'resync') cache.clear();
    else if (message.type === 'articles') for (const id of message.sourceIds) cache.delete(id);
    else return;
    for (const forget of followers) forget();
  });
}

/**
 * Calls `forget` whenever an article may have changed: edited here or on another app server, or
 * a resync after the connection between servers was lost. Register at module load.
 */
export function onArticleEdits(forget: () => void) {
  followers.add(forget);
}

/** The article's text from the cache, or read by `read` (and kept). */
export async function cachedArticle(
  sourceId: string,
  read: () => Promise<ArticleText>,
): Promise<ArticleText> {
  listenForArticleEdits();
  const hit = cache.get(sourceId);
  if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.article;
  const article = await read();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(sourceId, { article, at: Date.now() });
  return article;
}

/** These articles' text changed: forgotten here, and on every other app server. */
export function articlesChanged(sourceIds: string[]) {
  for (const id of sourceIds) cache.delete(id);
  for (const forget of followers) forget();
  pubsub().publish(ARTICLES_TOPIC, { type: 'articles', sourceIds });
}
