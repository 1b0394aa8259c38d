import type { ImportProblem } from './imported-map';

/**
 * The most an import may hold. Each bound is checked before the work it protects (the size before
 * parsing, the node and line counts before walking, the depth before the Argdown parser recurses,
 * the quote count before any quote is looked for), so a hostile file is refused in milliseconds.
 * The largest file we write ourselves, a 10,000-claim map as AIF, is about 4 MB.
 */
export const IMPORT_LIMITS = {
  /** UTF-8 bytes of the pasted or uploaded text. */
  bytes: 5_000_000,
  claims: 10_000,
  /** Levels of replies below a thesis (a claim answering the thesis is level 1). */
  depth: 200,
  quotes: 2_000,
  /** Characters of a quote's passage, and of the context either side (as in the editor). */
  quoteLength: 2_000,
  quoteContext: 200,
  links: 10_000,
  /** AIF nodes and edges: a claim is two nodes and two edges; dialogue nodes add more. */
  aifNodes: 40_000,
  aifEdges: 80_000,
  /** Argdown lines that are not blank. */
  argdownLines: 40_000,
} as const;

const fmt = (n: number) => n.toLocaleString('en');

/** The UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one character of four bytes
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A problem when the text is over the size limit (a UTF-8 character is at least one code unit). */
export function sizeProblem(text: string): ImportProblem | null {
  if (text.length <= IMPORT_LIMITS.bytes && utf8Length(text) <= IMPORT_LIMITS.bytes) return null;
  const mb = (utf8Length(text) / 1_000_000).toFixed(1);
  return {
    where: 'file',
    message: `it is ${mb} MB; an import can be at most ${IMPORT_LIMITS.bytes / 1_000_000} MB`,
  };
}

/** A problem when `count` things of a kind are over their limit. */
export function countProblem(
  where: string,
  count: number,
  limit: number,
  what: string,
): ImportProblem | null {
  return count > limit
    ? { where, message: `it has ${fmt(count)} ${what}; an import can have at most ${fmt(limit)}` }
    : null;
}

/** The message for a claim deeper than the depth limit. */
export const tooDeep = (depth: number) =>
  `it is ${fmt(depth)} levels deep; a map can be at most ${IMPORT_LIMITS.depth} levels deep`;
