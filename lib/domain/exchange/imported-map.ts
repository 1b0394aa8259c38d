import { AppError } from '../../errors';
import { STANCES, type Stance } from '../argument-tree';
import type { CrossLink } from '../cross-links';
import { locateQuote, selectorAt } from '../quote-anchoring';
import type { AnchorView, ClaimView, DebateView } from '../views';
import type { MapDocument } from './document';
import { keyCounter } from '../order-keys';

/** A map read from a file, before it has ids: claims refer to each other by the file's keys. */
export interface ImportedClaim {
  key: string;
  /** Where the claim is in the file, for messages: "line 12" or "node 7". */
  where: string;
  thesisPosition: number;
  parentKey: string | null;
  stance: Stance;
  text: string;
  note: string;
  strength: number | null;
}

export interface ImportedQuote {
  claimKey: string;
  where: string;
  sourceSlug: string;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ImportedLink {
  fromKey: string;
  where: string;
  toKey: string | null;
  toThesisPosition: number | null;
  stance: Stance;
}

export interface ImportedMap {
  title: string | null;
  claims: ImportedClaim[];
  quotes: ImportedQuote[];
  links: ImportedLink[];
}

export interface ImportProblem {
  where: string;
  message: string;
}

/** Fails an import with every problem found, each with where it is in the file. */
export function importFailure(format: string, problems: ImportProblem[]): AppError {
  const shown = problems.slice(0, 8).map((p) => `${p.where}: ${p.message}`);
  const more = problems.length > 8 ? ` (and ${problems.length - 8} more)` : '';
  return new AppError(
    'INVALID',
    `This ${format} could not be imported. ${shown.join(' · ')}${more}`,
    'file',
  );
}

export const isStance = (s: unknown): s is Stance => STANCES.includes(s as Stance);

/**
 * Turns an imported map into a map document on a debate: ids are given, claims ordered as in the
 * file, and every quote is found again in its article. Nothing is created when anything fails.
 */
export function materialize(
  imported: ImportedMap,
  debate: DebateView,
  format: string,
  newId: () => string,
  fallbackTitle = 'Imported map',
): MapDocument {
  const problems: ImportProblem[] = [];
  const ids = new Map(imported.claims.map((c) => [c.key, newId()]));
  const nextKey = keyCounter();
  const claims: ClaimView[] = [];
  for (const c of imported.claims) {
    const thesis = debate.theses[c.thesisPosition];
    if (!thesis) {
      problems.push({
        where: c.where,
        message: `there is no thesis ${c.thesisPosition + 1} in this debate`,
      });
      continue;
    }
    if (!c.text.trim() || c.text.length > 1000) {
      problems.push({ where: c.where, message: 'claim text must be 1 to 1,000 characters' });
    }
    if (c.note.length > 5000)
      problems.push({ where: c.where, message: 'the note is over 5,000 characters' });
    if (
      c.strength !== null &&
      !(Number.isInteger(c.strength) && c.strength >= 1 && c.strength <= 5)
    ) {
      problems.push({ where: c.where, message: 'strength must be a whole number from 1 to 5' });
    }
    if (c.parentKey !== null && !ids.has(c.parentKey)) {
      problems.push({
        where: c.where,
        message: `it answers “${c.parentKey}”, which is not in the file`,
      });
      continue;
    }
    const siblingKey = `${c.thesisPosition}/${c.parentKey ?? ''}`;
    claims.push({
      id: ids.get(c.key)!,
      thesisId: thesis.id,
      parentId: c.parentKey === null ? null : ids.get(c.parentKey)!,
      stance: c.stance,
      text: c.text,
      note: c.note,
      strength: c.strength,
      order: nextKey(siblingKey),
      version: 1,
    });
  }
  const sources = new Map(debate.theses.map((t) => [t.source.slug, t.source]));
  const anchors: AnchorView[] = [];
  for (const q of imported.quotes) {
    const source = sources.get(q.sourceSlug);
    if (!source) {
      problems.push({
        where: q.where,
        message: `the quote’s source “${q.sourceSlug}” is not an article of this debate`,
      });
      continue;
    }
    const blocks = source.blocks.map((b) => b.text);
    const at = locateQuote(blocks, q);
    if (!at) {
      problems.push({
        where: q.where,
        message: `the quote “${q.exact.slice(0, 60)}” is not in “${source.title}”`,
      });
      continue;
    }
    anchors.push({
      id: newId(),
      claimId: ids.get(q.claimKey)!,
      sourceId: source.id,
      ...selectorAt(blocks, at),
      ...at,
    });
  }
  const links: CrossLink[] = [];
  for (const l of imported.links) {
    const toThesis = l.toThesisPosition === null ? null : debate.theses[l.toThesisPosition];
    if (!ids.has(l.fromKey)) {
      problems.push({
        where: l.where,
        message: `a cross-link must start from a claim, not “${l.fromKey}”`,
      });
      continue;
    }
    if (l.toKey !== null && !ids.has(l.toKey)) {
      problems.push({
        where: l.where,
        message: `the link points to “${l.toKey}”, which is not in the file`,
      });
      continue;
    }
    if (l.toThesisPosition !== null && !toThesis) {
      problems.push({
        where: l.where,
        message: `there is no thesis ${l.toThesisPosition + 1} to link to`,
      });
      continue;
    }
    links.push({
      id: newId(),
      fromClaimId: ids.get(l.fromKey)!,
      toClaimId: l.toKey === null ? null : ids.get(l.toKey)!,
      toThesisId: toThesis ? toThesis.id : null,
      stance: l.stance,
    });
  }
  if (problems.length) throw importFailure(format, problems);
  return { title: imported.title?.trim() || fallbackTitle, debate, claims, anchors, links };
}
