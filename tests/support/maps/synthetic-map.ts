import type { Stance } from '@/lib/domain/argument-tree';
import type { CrossLink } from '@/lib/domain/cross-links';
import { locateQuote, selectorAt } from '@/lib/domain/quote-anchoring';
import type { AnchorView, ClaimView, DebateView } from '@/lib/domain/views';
import type { MapDocument } from '@/lib/domain/exchange/document';
import { keyCounter } from '@/lib/domain/order-keys';

/** A small, seedable pseudo-random generator (mulberry32), so every run builds the same map. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A map of `size` claims on a debate, shaped like a big class map: half under each thesis, replies
 * several levels deep, texts of 8-24 words taken from the articles, a rating on most claims, a
 * note on one in five, a quote on one in ten and a cross-link on one in a hundred. For the
 * benchmark and load tests; the same seed gives the same map.
 */
export function syntheticMap(debate: DebateView, size: number, seed = 1): MapDocument {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const words = debate.theses.flatMap((t) =>
    t.source.blocks.flatMap((b) => b.text.split(/\s+/).filter((w) => /^[A-Za-z’'-]+,?$/.test(w))),
  );
  const sentence = () => {
    const n = 8 + Math.floor(next() * 17);
    const text = Array.from({ length: n }, () => pick(words)).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1).replace(/,$/, '')}.`;
  };

  const claims: ClaimView[] = [];
  const anchors: AnchorView[] = [];
  const links: CrossLink[] = [];
  const byThesis = new Map<string, ClaimView[]>(debate.theses.map((t) => [t.id, []]));
  const nextKey = keyCounter();

  for (let i = 0; i < size; i++) {
    const thesis = debate.theses[i % debate.theses.length]!;
    const mine = byThesis.get(thesis.id)!;
    // One claim in six answers the thesis; the rest answer a recent claim, so threads grow deep.
    const parent =
      mine.length === 0 || next() < 1 / 6
        ? null
        : mine[Math.max(0, mine.length - 1 - Math.floor(next() * Math.min(mine.length, 40)))]!;
    const key = parent?.id ?? thesis.id;
    const claim: ClaimView = {
      id: `claim-${i + 1}`,
      thesisId: thesis.id,
      parentId: parent?.id ?? null,
      stance: (next() < 0.55 ? 'pro' : 'con') as Stance,
      text: sentence(),
      note: next() < 0.2 ? sentence() : '',
      strength: next() < 0.7 ? 1 + Math.floor(next() * 5) : null,
      order: nextKey(key),
      version: 1,
    };
    claims.push(claim);
    mine.push(claim);

    if (next() < 0.1) {
      const source = pick(debate.theses).source;
      const paragraphs = source.blocks
        .map((b, index) => ({ b, index }))
        .filter(({ b }) => b.type === 'paragraph' && b.text.length > 60);
      const { b } = pick(paragraphs);
      const start = Math.floor(next() * (b.text.length - 40));
      const exact = b.text.slice(start, start + 40 + Math.floor(next() * 80)).trim();
      const blocks = source.blocks.map((x) => x.text);
      const at = locateQuote(blocks, {
        exact,
        prefix: b.text.slice(Math.max(0, start - 32), start),
        suffix: '',
      });
      if (at)
        anchors.push({
          id: `quote-${anchors.length + 1}`,
          claimId: claim.id,
          sourceId: source.id,
          ...selectorAt(blocks, at),
          ...at,
        });
    }
  }

  for (const from of claims) {
    if (next() >= 0.01) continue;
    const others = claims.filter((c) => c.thesisId !== from.thesisId);
    const target = others.length ? pick(others) : null;
    links.push({
      id: `link-${links.length + 1}`,
      fromClaimId: from.id,
      toClaimId: target?.id ?? null,
      toThesisId: target ? null : debate.theses.find((t) => t.id !== from.thesisId)!.id,
      stance: next() < 0.5 ? 'pro' : 'con',
    });
  }

  return { title: `Benchmark map, ${size} claims`, debate, claims, anchors, links };
}
