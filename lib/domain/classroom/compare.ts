import { childrenAt, type TreeNode } from '../argument-tree';
import { liveLinks, type CrossLink } from '../cross-links';
import { objectionsTo, polarities } from '../dialectic';

/**
 * Comparing two maps of the same debate (e.g. two teams arguing opposite sides): where their
 * claims meet, and which objections each left unanswered. Plain data in, plain data out.
 *
 * Two claims, one from each map, **meet** when
 * - they quote the same passage: an anchor of each in the same source and paragraph (block) whose
 *   character ranges [start, end) overlap; the shared passage is the overlapping text; or
 * - their texts say nearly the same thing: after normalising (lower case, accents removed, words
 *   of three letters or more, a short list of common English words dropped, a plural "s" cut), the
 *   two sets of words share at least TEXT_MIN_SHARED words and their Dice coefficient
 *   (2·shared / (|A| + |B|)) is at least TEXT_THRESHOLD.
 * This is deliberately simple: it finds claims that rest on the same evidence or use the same
 * words, not claims that mean the same thing in other words.
 */

export const TEXT_THRESHOLD = 0.5;
export const TEXT_MIN_SHARED = 2;
/** At most this many meeting pairs are listed (best first). */
export const MAX_MEETINGS = 100;

export interface CompareClaim extends TreeNode {
  text: string;
}

export interface CompareAnchor {
  claimId: string;
  sourceId: string;
  block: number;
  start: number;
  end: number;
  exact: string;
}

export interface CompareMap {
  /** Live claims only. */
  claims: readonly CompareClaim[];
  links: readonly CrossLink[];
  anchors: readonly CompareAnchor[];
}

export interface SharedPassage {
  sourceId: string;
  block: number;
  start: number;
  end: number;
  /** The overlapping text, as quoted. */
  text: string;
}

export interface Meeting {
  a: CompareClaim;
  b: CompareClaim;
  /** Set when they quote overlapping text. */
  passage: SharedPassage | null;
  /** Dice coefficient of their words, 0..1 (reported even when below the threshold). */
  similarity: number;
  /** Why they meet: the same passage, close wording, or both. */
  reasons: ('passage' | 'text')[];
}

const STOPWORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out has have this that with ' +
    'they will would there their what about which when from were been into more than them then ' +
    'these some could other its also just only over such very most should because does did may ' +
    'might must shall who whom whose how why where while each both many much own same so too ' +
    'being here his him she your yours ours itself themselves'
  ).split(/\s+/),
);

/** A text's content words, normalised (see the module comment). */
export function contentWords(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** Dice coefficient of two word sets and how many words they share. */
export function wordOverlap(a: Set<string>, b: Set<string>): { shared: number; dice: number } {
  if (a.size === 0 || b.size === 0) return { shared: 0, dice: 0 };
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return { shared, dice: (2 * shared) / (a.size + b.size) };
}

/** Whether two texts are close enough to count as meeting. */
export function textsMeet(a: string, b: string): boolean {
  const { shared, dice } = wordOverlap(contentWords(a), contentWords(b));
  return shared >= TEXT_MIN_SHARED && dice >= TEXT_THRESHOLD;
}

/** The overlap of two anchors in the same paragraph, or null. */
export function passageOverlap(x: CompareAnchor, y: CompareAnchor): SharedPassage | null {
  if (x.sourceId !== y.sourceId || x.block !== y.block) return null;
  const start = Math.max(x.start, y.start);
  const end = Math.min(x.end, y.end);
  if (start >= end) return null;
  // `exact` is the block's text from start to end; cut the overlap out of it.
  const text =
    x.exact.length === x.end - x.start
      ? x.exact.slice(start - x.start, end - x.start)
      : x.exact.length <= y.exact.length
        ? x.exact
        : y.exact;
  return { sourceId: x.sourceId, block: x.block, start, end, text };
}

/** Where the claims of two maps meet, best first (shared passages, then closest wording). */
export function meetings(a: CompareMap, b: CompareMap): Meeting[] {
  const liveA = new Map(a.claims.map((c) => [c.id, c]));
  const liveB = new Map(b.claims.map((c) => [c.id, c]));
  const found = new Map<string, Meeting>();
  const wordsB = b.claims.map((c) => ({ claim: c, words: contentWords(c.text) }));
  const wordsOf = new Map(wordsB.map((w) => [w.claim.id, w.words]));

  const pair = (x: CompareClaim, y: CompareClaim) => {
    const key = `${x.id}\u0000${y.id}`;
    let m = found.get(key);
    if (!m) {
      const { dice } = wordOverlap(contentWords(x.text), wordsOf.get(y.id) ?? new Set());
      m = { a: x, b: y, passage: null, similarity: dice, reasons: [] };
      found.set(key, m);
    }
    return m;
  };

  // Shared passages: group b's anchors by source and paragraph.
  const byBlock = new Map<string, CompareAnchor[]>();
  for (const anchor of b.anchors) {
    if (!liveB.has(anchor.claimId)) continue;
    const key = `${anchor.sourceId}\u0000${anchor.block}`;
    byBlock.set(key, [...(byBlock.get(key) ?? []), anchor]);
  }
  for (const x of a.anchors) {
    const claimA = liveA.get(x.claimId);
    if (!claimA) continue;
    for (const y of byBlock.get(`${x.sourceId}\u0000${x.block}`) ?? []) {
      const overlap = passageOverlap(x, y);
      if (!overlap) continue;
      const m = pair(claimA, liveB.get(y.claimId)!);
      if (!m.passage || overlap.end - overlap.start > m.passage.end - m.passage.start) {
        m.passage = overlap;
      }
      if (!m.reasons.includes('passage')) m.reasons.unshift('passage');
    }
  }

  // Close wording.
  for (const x of a.claims) {
    const words = contentWords(x.text);
    for (const y of wordsB) {
      const { shared, dice } = wordOverlap(words, y.words);
      if (shared >= TEXT_MIN_SHARED && dice >= TEXT_THRESHOLD) {
        const m = pair(x, y.claim);
        if (!m.reasons.includes('text')) m.reasons.push('text');
      }
    }
  }

  return [...found.values()]
    .sort(
      (x, y) =>
        Number(y.passage !== null) - Number(x.passage !== null) ||
        y.reasons.length - x.reasons.length ||
        y.similarity - x.similarity ||
        x.a.text.localeCompare(y.a.text, 'en'),
    )
    .slice(0, MAX_MEETINGS);
}

export interface UnansweredObjection {
  claim: CompareClaim;
  /** The thesis whose case it objects to. */
  thesisId: string;
  /** What it objects to: a claim's text, or null for the thesis itself. */
  target: CompareClaim | null;
  /** True when it attacks by a cross-link from the other side. */
  viaLink: boolean;
}

/** A map's objections with no rebuttal (dialectic.ts gaps), thesis by thesis, in tree order. */
export function unansweredObjections(
  map: CompareMap,
  theses: readonly { id: string; position: number }[],
): UnansweredObjection[] {
  const links = liveLinks(map.claims, map.links);
  const byId = new Map(map.claims.map((c) => [c.id, c]));
  const order = new Map(outlineOrder(map.claims).map((c, i) => [c.id, i]));
  return [...theses]
    .sort((x, y) => x.position - y.position)
    .flatMap((t) =>
      objectionsTo(map.claims, links, t.id)
        .filter((o) => o.gap)
        .sort((x, y) => (order.get(x.claim.id) ?? 0) - (order.get(y.claim.id) ?? 0))
        .map((o) => ({
          claim: o.claim,
          thesisId: t.id,
          target: o.targetId ? (byId.get(o.targetId) ?? null) : null,
          viaLink: o.viaLink,
        })),
    );
}

export interface OutlineEntry {
  claim: CompareClaim;
  /** 0 for a claim answering its thesis directly. */
  depth: number;
  /** +1: argues for its thesis; −1: against it. */
  polarity: 1 | -1;
}

/** Claims in tree order (depth first, siblings by order key), thesis after thesis. */
function outlineOrder(claims: readonly CompareClaim[]): CompareClaim[] {
  const theses = [...new Set(claims.map((c) => c.thesisId))];
  return theses.flatMap((t) => thesisOutline(claims, t).map((e) => e.claim));
}

/** One thesis's claims as an indented outline (depth first), with each claim's polarity. */
export function thesisOutline(claims: readonly CompareClaim[], thesisId: string): OutlineEntry[] {
  const polarity = polarities(claims);
  const mine = claims.filter((c) => c.thesisId === thesisId);
  const kids = new Map<string | null, CompareClaim[]>();
  for (const c of mine) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
  const under = (parentId: string | null) =>
    childrenAt(kids.get(parentId) ?? [], { thesisId, parentId });
  const out: OutlineEntry[] = [];
  const stack = under(null)
    .reverse()
    .map((claim) => ({ claim, depth: 0 }));
  const seen = new Set<string>();
  while (stack.length) {
    const { claim, depth } = stack.pop()!;
    if (seen.has(claim.id)) continue;
    seen.add(claim.id);
    out.push({ claim, depth, polarity: polarity.get(claim.id) ?? 1 });
    const below = under(claim.id);
    for (let i = below.length - 1; i >= 0; i--) stack.push({ claim: below[i]!, depth: depth + 1 });
  }
  return out;
}

export interface CrossLinkView {
  from: CompareClaim;
  stance: 'pro' | 'con';
  /** The claim it points at, or null when it points at a thesis (toThesisId). */
  to: CompareClaim | null;
  toThesisId: string | null;
}

/** A map's live cross-links with their two ends. */
export function crossLinks(map: CompareMap): CrossLinkView[] {
  const byId = new Map(map.claims.map((c) => [c.id, c]));
  return liveLinks(map.claims, map.links).flatMap((l) => {
    const from = byId.get(l.fromClaimId);
    if (!from) return [];
    return [
      {
        from,
        stance: l.stance,
        to: l.toClaimId ? (byId.get(l.toClaimId) ?? null) : null,
        toThesisId: l.toThesisId,
      },
    ];
  });
}
