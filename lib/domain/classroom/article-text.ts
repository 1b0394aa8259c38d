import type { Block, BlockType } from '@/lib/domain/views';

/**
 * Article text a teacher pastes, turned into the blocks an article is stored as (Source.blocks,
 * [{ type, text }], addressed by index by every quote's anchor). Paragraphs are kept, whitespace
 * and invisible characters cleaned, and paragraphs that look like page furniture (share buttons,
 * captions, newsletter prompts, bylines…) are flagged so the form leaves them out unless the
 * teacher keeps them. Plain functions: the form previews with them and the server saves with
 * them, so what the teacher ticked is what is stored.
 */

export const ARTICLE_MAX_CHARS = 100_000;
export const ARTICLE_MAX_PARAGRAPHS = 500;

export interface PastedParagraph {
  type: BlockType;
  text: string;
  /** Why it looks like page furniture ("a share button"), or null for the article's own text. */
  furniture: string | null;
}

/** What the form knows about the article, to recognise its title and byline repeated. */
export interface ArticleMeta {
  title?: string;
  authors?: string;
  publisher?: string;
}

export type ArticleTextResult =
  { ok: true; paragraphs: PastedParagraph[] } | { ok: false; message: string };

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const ODD_SPACE = /[\t\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LIST_ITEM = /^(?:[-*•‣◦·▪]|\d{1,3}[.)])\s+/;
const BULLET = /^[-*•‣◦·▪]\s+/;

/** Line breaks as \n, invisible characters gone, every kind of space a plain space. */
export function normalizeArticleText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\u2028\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ');
}

/** Light Markdown, as some reading tools copy it: links to their text, bold marks, escapes. */
function unmark(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^\*([^*].*[^*])\*$/, '$1')
    .replace(/\\([\\`*_[\]#>])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** One paragraph from its lines: a Markdown heading or block quote, else joined text. */
function toParagraph(lines: string[]): { type: BlockType; text: string } {
  const first = lines[0]!;
  const heading = lines.length === 1 ? /^#{1,6}\s+(.*?)\s*#*$/.exec(first) : null;
  if (heading) return { type: 'heading', text: unmark(heading[1]!) };
  if (lines.every((l) => l.startsWith('>'))) {
    return { type: 'quote', text: unmark(lines.map((l) => l.replace(/^>\s?/, '')).join(' ')) };
  }
  return { type: 'paragraph', text: unmark(lines.map((l) => l.replace(BULLET, '')).join(' ')) };
}

/**
 * The paragraphs of pasted text, in order: blank lines separate paragraphs (the lines between are
 * one paragraph, except a run of list items, which are one each); text with no blank line at all
 * is read one paragraph per line.
 */
export function splitParagraphs(raw: string): { type: BlockType; text: string }[] {
  const lines = normalizeArticleText(raw)
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').trim());
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line) current.push(line);
    else if (current.length) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  const byLine = groups.length === 1;
  return groups
    .flatMap((g) =>
      byLine || (g.length > 1 && g.every((l) => LIST_ITEM.test(l))) ? g.map((l) => [l]) : [g],
    )
    .map(toParagraph)
    .filter((p) => p.text.length > 0);
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’“”"'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const SOCIAL = new Set(
  (
    'share shares shared this article story on via tweet email e mail print facebook twitter x ' +
    'linkedin whatsapp reddit pinterest telegram messenger flipboard copy link links save saved ' +
    'bookmark follow like comment comments gift listen close menu more'
  ).split(' '),
);

/** [test, reason] in order; the first that matches names the paragraph's kind of furniture. */
const RULES: [(text: string, folded: string) => boolean, string][] = [
  [(_, f) => f.split(' ').every((w) => SOCIAL.has(w)), 'share buttons'],
  // WordPress's "Like this: Like Loading..." under every post, whole or in its pieces.
  [
    (t) => t.length < 80 && /^(like this:?)?\s*(like)?\s*(loading\s*(\.\.\.|…)?)?$/i.test(t.trim()),
    'a “Like” button',
  ],
  [
    (t) =>
      t.length < 120 &&
      /\b(advertisement|advert|sponsored( content)?|scroll to continue|paid (content|post))\b/i.test(
        t,
      ),
    'an advertisement',
  ],
  [
    (t) =>
      t.length < 300 &&
      /^(read more|read next|read also|also read|continue reading|see also|related( articles?| stories| content| posts?| reading)?|more on this( story| topic)?|recommended( for you| reading)?|you (may|might) also like|most (popular|read|viewed)|trending( now)?|further reading|what to read next|more from)\b/i.test(
        t,
      ),
    'a link to other articles',
  ],
  [
    (t) =>
      (t.length < 250 && /\bnewsletters?\b/i.test(t)) ||
      (t.length < 200 &&
        /^(subscribe|sign[ -]?up|sign[ -]?in|log[ -]?in|register|create an account|get our|join our)\b/i.test(
          t,
        )),
    'a newsletter or sign-up prompt',
  ],
  [
    (t) =>
      t.length < 300 &&
      (/^(photo|photograph|image|picture|illustration|caption|credit|graphic|video|pictured|file photo|top image|main image)( credit)?\s*[:|–—-]/i.test(
        t,
      ) ||
        /\((photo|image|picture|credit)[^)]*\)$/i.test(t) ||
        /\b(EPA|AFP|AP|Reuters|Getty|Shutterstock|Alamy|PA|Xinhua|Yonhap|KCNA|iStock|iStockphoto|Unsplash|Bloomberg|Flickr|Wikimedia Commons)( Images| Photo| Wire| via [\w .-]{1,30}|\s*\/\s*[\w .-]{1,30})?$/.test(
          t,
        )),
    'a photo caption',
  ],
  [
    (t) =>
      (t.length < 300 && /©/.test(t)) ||
      /^(\(c\)|copyright\b)/i.test(t) ||
      /\ball rights reserved\b/i.test(t) ||
      /\bprotected by\b.*\bcopyright\b/i.test(t),
    'a copyright notice',
  ],
  [
    (t) =>
      t.length < 400 &&
      /\bcookies?\b/i.test(t) &&
      /\b(use|uses|accept|consent|policy|settings|preferences|site|website|browsing|experience)\b/i.test(
        t,
      ),
    'a cookie notice',
  ],
  [
    (t) => t.length < 200 && /\b(privacy policy|terms of (use|service)|cookie policy)\b/i.test(t),
    'links to policies',
  ],
  [
    (t) =>
      /^(\d+\s+)?(comments?|replies)$/i.test(t) ||
      /\bcomments? (are|is) (now )?closed\b/i.test(t) ||
      (t.length < 200 && /\b(flagged for|report this comment|reply to this)\b/i.test(t)) ||
      /^\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago\b/i.test(t),
    'part of the comments section',
  ],
  [
    (t) =>
      (t.length < 300 && /\brepublish(ing)?\b/i.test(t)) ||
      /\bdoes not work for, consult, own shares in\b/i.test(t) ||
      /\bprovides funding as a (founding )?(member|partner) of\b/i.test(t) ||
      /^disclosure( statement)?$/i.test(t),
    'a publisher’s notice',
  ],
  [(t) => /<\/?[a-z][^>]*>/i.test(t), 'HTML code'],
  [
    (t) =>
      /^(https?:\/\/|www\.)\S+$/i.test(t) || (t.length < 200 && /(https?:\/\/|www\.)\S+/i.test(t)),
    'a web address',
  ],
  [(t) => /^(\d{1,3}[.)]\s+)?\[(…|\.\.\.)\]/.test(t), 'an excerpt quoted by another site'],
];

/** Whether a paragraph is the title, byline or publisher given in the form, repeated. */
function repeatedMeta(folded: string, meta: ArticleMeta): string | null {
  const title = meta.title ? fold(meta.title) : '';
  if (title && folded === title) return 'the title again';
  const authors = meta.authors ? fold(meta.authors) : '';
  if (authors) {
    const rest = folded.replace(/^(by|written by|words by|author|authors)\s+/, '');
    if (rest.startsWith(authors) && rest.length < authors.length + 60) return 'the byline';
  }
  const publisher = meta.publisher ? fold(meta.publisher) : '';
  if (publisher && folded === publisher) return 'the publisher’s name';
  return null;
}

const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*((,\s*|\s+and\s+|\s+&\s+|\s+)\p{Lu}[\p{L}.'’-]*){0,7}$/u;

/** A short line that does not end as a sentence does: a heading, or page furniture. */
const isLoneShortLine = (text: string) => text.length <= 100 && !/[.!?:;…"”’)\]]$/.test(text);

export const SHORT_LINE = 'a short line without punctuation (a heading?)';

/** Why a paragraph looks like page furniture, or null when it reads as the article's own text. */
export function furnitureReason(
  paragraph: { type: BlockType; text: string },
  meta: ArticleMeta = {},
): string | null {
  const { text } = paragraph;
  const folded = fold(text);
  if (!folded) return 'symbols only';
  const meta_ = repeatedMeta(folded, meta);
  if (meta_) return meta_;
  if (BYLINE.test(text)) return 'a byline';
  for (const [test, reason] of RULES) if (test(text, folded)) return reason;
  if (paragraph.type === 'paragraph' && isLoneShortLine(text)) return SHORT_LINE;
  return null;
}

/**
 * Reads pasted article text: its paragraphs, each with the reason it looks like page furniture
 * (or null), or why the text cannot be used (empty, longer than the limits).
 */
export function readArticleText(raw: string, meta: ArticleMeta = {}): ArticleTextResult {
  const length = normalizeArticleText(raw).length;
  if (length > ARTICLE_MAX_CHARS) {
    return {
      ok: false,
      message: `This article is too long: ${length.toLocaleString('en')} characters, and at most ${ARTICLE_MAX_CHARS.toLocaleString('en')} fit. Paste only the article itself.`,
    };
  }
  const paragraphs = splitParagraphs(raw);
  if (paragraphs.length === 0) return { ok: false, message: 'Paste the text of the article.' };
  if (paragraphs.length > ARTICLE_MAX_PARAGRAPHS) {
    return {
      ok: false,
      message: `This text has ${paragraphs.length.toLocaleString('en')} paragraphs, and at most ${ARTICLE_MAX_PARAGRAPHS} fit. Paste only the article itself.`,
    };
  }
  return {
    ok: true,
    paragraphs: paragraphs.map((p) => {
      const furniture = furnitureReason(p, meta);
      // Kept anyway, a short unpunctuated line reads as a subheading.
      return { ...p, type: furniture === SHORT_LINE ? 'heading' : p.type, furniture };
    }),
  };
}

/** The paragraphs the form starts with unticked: everything that looks like page furniture. */
export const defaultRemoved = (paragraphs: readonly PastedParagraph[]): number[] =>
  paragraphs.flatMap((p, i) => (p.furniture ? [i] : []));

/** The blocks to store: every paragraph but the removed ones, in order. */
export function keptBlocks(
  paragraphs: readonly PastedParagraph[],
  removed: Iterable<number>,
): Block[] {
  const out = new Set(removed);
  return paragraphs.flatMap((p, i) => (out.has(i) ? [] : [{ type: p.type, text: p.text }]));
}

/**
 * An article's stored blocks as text to edit, read back by `readArticleText` as the same blocks:
 * paragraphs apart by blank lines, a heading as "## …", a block quote as "> …".
 */
export function articleTextOf(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'heading' ? `## ${b.text}` : b.type === 'quote' ? `> ${b.text}` : b.text,
    )
    .join('\n\n');
}
