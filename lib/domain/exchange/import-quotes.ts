import { locateQuote, normalize, selectorAt } from '../quote-anchoring';
import type { AnchorView, DebateView } from '../views';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportedQuote, ImportProblem } from './imported-map';
import { truncate } from '../text';

/**
 * Finds every imported quote in its article, as anchoring by hand does. Each article is
 * normalized once, and a quote is looked for only in the paragraphs that contain it, so a quote
 * costs microseconds instead of normalizing the whole article again. Problems are added to
 * `problems`.
 */
export function anchorQuotes(
  quotes: readonly ImportedQuote[],
  debate: DebateView,
  claimIds: ReadonlyMap<string, string>,
  newId: () => string,
  problems: ImportProblem[],
): AnchorView[] {
  const sources = new Map(
    debate.theses.map((t) => {
      const blocks = t.source.blocks.map((b) => b.text);
      return [t.source.slug, { source: t.source, blocks, normalized: blocks.map(normal) }];
    }),
  );
  const anchors: AnchorView[] = [];
  for (const q of quotes) {
    const claimId = claimIds.get(q.claimKey);
    if (!claimId) continue; // its claim's problem is reported
    const article = sources.get(q.sourceSlug);
    if (!article) {
      problems.push({
        where: q.where,
        message: `the quote’s source “${q.sourceSlug}” is not an article of this debate`,
      });
      continue;
    }
    if (q.exact.length > IMPORT_LIMITS.quoteLength) {
      problems.push({
        where: q.where,
        message: `a quote is over ${IMPORT_LIMITS.quoteLength.toLocaleString('en')} characters`,
      });
      continue;
    }
    if (
      q.prefix.length > IMPORT_LIMITS.quoteContext ||
      q.suffix.length > IMPORT_LIMITS.quoteContext
    ) {
      problems.push({
        where: q.where,
        message: `a quote’s context is over ${IMPORT_LIMITS.quoteContext} characters either side`,
      });
      continue;
    }
    // Paragraphs that cannot hold the quote are blanked, keeping every index in place.
    const exact = normal(q.exact);
    const candidates = article.blocks.map((b, i) =>
      exact && article.normalized[i]!.includes(exact) ? b : '',
    );
    const at = locateQuote(candidates, q);
    if (!at) {
      problems.push({
        where: q.where,
        message: `the quote “${truncate(q.exact, 60)}” is not in “${article.source.title}”`,
      });
      continue;
    }
    anchors.push({
      id: newId(),
      claimId,
      sourceId: article.source.id,
      ...selectorAt(article.blocks, at),
      ...at,
    });
  }
  return anchors;
}

const normal = (text: string) => normalize(text).text;
