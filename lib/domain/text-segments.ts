/** A marked range of a text: the passage being looked at, or one quoted as evidence. */
export interface MarkRange {
  start: number;
  end: number;
  kind: 'highlight' | 'anchored';
}

export interface Segment {
  text: string;
  kind: MarkRange['kind'] | null;
}

/**
 * Cuts a text into plain and marked segments. Where ranges overlap, the highlight wins over an
 * anchored range, and the earlier range wins between equals. Out-of-range offsets are clipped.
 */
export function segmentText(text: string, ranges: readonly MarkRange[]): Segment[] {
  const owner: (MarkRange['kind'] | null)[] = new Array(text.length).fill(null);
  const ordered = [...ranges].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'highlight' ? 1 : -1,
  );
  for (const r of ordered) {
    for (let i = Math.max(0, r.start); i < Math.min(text.length, r.end); i++) {
      if (r.kind === 'highlight' || owner[i] === null) owner[i] = r.kind;
    }
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = out[out.length - 1];
    if (last && last.kind === owner[i]) last.text += text[i];
    else out.push({ text: text[i]!, kind: owner[i]! });
  }
  return out;
}
