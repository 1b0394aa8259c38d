import { diffWords } from 'diff';

/**
 * What "Did you mean …" shows: the typed quote against the article's words, word by word. Only
 * words count: a curly apostrophe typed as a straight one (a dash as a hyphen, “ as ") is the
 * same word, shown as the article prints it, not as a word struck out and another put in.
 */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  /** The article's own characters for `same` and `added`; the typed words for `removed`. */
  text: string;
}

/** One UTF-16 unit for one, so a position in the plain text is one in the original. */
const plain = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');

export function quoteDiff(typed: string, exact: string): DiffPart[] {
  const parts = diffWords(plain(typed), plain(exact), { ignoreCase: true });
  let at = 0;
  return parts.map((p) => {
    if (p.removed) return { kind: 'removed', text: p.value };
    // The article's side (common words carry its value): its own characters, position for position.
    const text = exact.slice(at, at + p.value.length);
    at += p.value.length;
    return { kind: p.added ? 'added' : 'same', text };
  });
}
