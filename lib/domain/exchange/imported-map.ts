import { AppError } from '../../errors';
import { resolvePlace, type Stance, type TreeNode } from '../argument-tree';
import { checkCrossLink, type CrossLink } from '../cross-links';
import type { ClaimView, DebateView } from '../views';
import type { MapDocument } from './document';
import { countProblem, IMPORT_LIMITS, tooDeep } from './import-limits';
import { anchorQuotes } from './import-quotes';
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

/** Where a claim's chain of parents ends: the thesis it reaches, and how many levels below it. */
export interface Reach {
  thesis: number;
  /** 1 for a claim that answers the thesis directly. */
  depth: number;
}

/**
 * Follows every key's parents up to a thesis, without recursion (a file can be as deep as it
 * likes) and visiting each key once. A key in a cycle, or under a parent that is not there,
 * reaches nothing (null).
 */
export function walkToTheses(
  keys: Iterable<string>,
  parentOf: (key: string) => string | undefined,
  thesisOf: (key: string) => number | undefined,
): Map<string, Reach | null> {
  const out = new Map<string, Reach | null>();
  for (const start of keys) {
    if (out.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let reach: Reach | null = null;
    for (let key: string | undefined = start; key !== undefined; key = parentOf(key)) {
      const thesis = thesisOf(key);
      if (thesis !== undefined) {
        reach = { thesis, depth: 0 };
        break;
      }
      if (out.has(key)) {
        reach = out.get(key)!;
        break;
      }
      if (onPath.has(key)) break;
      path.push(key);
      onPath.add(key);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      reach = reach && { thesis: reach.thesis, depth: reach.depth + 1 };
      out.set(path[i]!, reach);
    }
  }
  return out;
}

/** The editor's own refusal (cross-links, tree rules), worded as one problem among others. */
function ruleProblem(where: string, error: unknown): ImportProblem {
  if (!(error instanceof AppError)) throw error;
  return { where, message: error.message.charAt(0).toLowerCase() + error.message.slice(1) };
}

const THESIS_KEY = '\u0000thesis:';

/**
 * Turns an imported map into a map document on a debate: ids are given, claims ordered as in the
 * file, every quote found again in its article, and the editor's rules applied (the tree's, and
 * checkCrossLink for cross-links). Nothing is created when anything fails.
 */
export function materialize(
  imported: ImportedMap,
  debate: DebateView,
  format: string,
  newId: () => string,
  fallbackTitle = 'Imported map',
): MapDocument {
  // Nothing below is worth doing for a map over the limits.
  const over = [
    countProblem('file', imported.claims.length, IMPORT_LIMITS.claims, 'claims'),
    countProblem('file', imported.quotes.length, IMPORT_LIMITS.quotes, 'quotes'),
    countProblem('file', imported.links.length, IMPORT_LIMITS.links, 'cross-links'),
  ].filter((p) => p !== null);
  if (over.length) throw importFailure(format, over);

  const problems: ImportProblem[] = [];
  const byKey = new Map<string, ImportedClaim>();
  const ids = new Map<string, string>();
  for (const c of imported.claims) {
    if (byKey.has(c.key)) {
      problems.push({ where: c.where, message: `another claim is also called “${c.key}”` });
      continue;
    }
    byKey.set(c.key, c);
    ids.set(c.key, newId());
  }
  const reach = walkToTheses(
    byKey.keys(),
    (key) => {
      const c = byKey.get(key);
      return c && (c.parentKey ?? `${THESIS_KEY}${c.thesisPosition}`);
    },
    (key) => (key.startsWith(THESIS_KEY) ? Number(key.slice(THESIS_KEY.length)) : undefined),
  );

  // Parents are placed before their replies, so each reply takes its place from its parent.
  const placed = new Map<string, ClaimView>();
  const nextKey = keyCounter();
  const byDepth = [...byKey.values()].sort(
    (a, b) => (reach.get(a.key)?.depth ?? 0) - (reach.get(b.key)?.depth ?? 0),
  );
  for (const c of byDepth) {
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
    if (c.parentKey !== null && !byKey.has(c.parentKey)) {
      problems.push({
        where: c.where,
        message: `it answers “${c.parentKey}”, which is not in the file`,
      });
      continue;
    }
    const at = reach.get(c.key);
    if (!at) {
      problems.push({ where: c.where, message: 'it does not lead up to a thesis (a cycle)' });
      continue;
    }
    if (at.depth > IMPORT_LIMITS.depth) {
      problems.push({ where: c.where, message: tooDeep(at.depth) });
      continue;
    }
    const parent = c.parentKey === null ? null : placed.get(c.parentKey);
    if (c.parentKey !== null && !parent) continue; // the parent's own problem is reported
    let place;
    try {
      place = resolvePlace(parent ? [parent] : [], {
        thesisId: thesis.id,
        parentId: parent?.id ?? null,
      });
    } catch (e) {
      problems.push(ruleProblem(c.where, e));
      continue;
    }
    placed.set(c.key, {
      id: ids.get(c.key)!,
      ...place,
      stance: c.stance,
      text: c.text,
      note: c.note,
      strength: c.strength,
      order: nextKey(`${place.thesisId}/${place.parentId ?? ''}`),
      version: 1,
    });
  }

  const anchors = anchorQuotes(imported.quotes, debate, ids, newId, problems);
  const links = placeLinks(imported.links, debate, placed, ids, newId, problems);
  if (problems.length) throw importFailure(format, problems);
  const claims = [...byKey.keys()].map((key) => placed.get(key)!);
  return { title: imported.title?.trim() || fallbackTitle, debate, claims, anchors, links };
}

/** Cross-links, checked one by one with the editor's own rule (checkCrossLink). */
function placeLinks(
  imported: ImportedLink[],
  debate: DebateView,
  placed: Map<string, TreeNode>,
  ids: Map<string, string>,
  newId: () => string,
  problems: ImportProblem[],
): CrossLink[] {
  const links: CrossLink[] = [];
  const linksFrom = new Map<string, CrossLink[]>();
  for (const l of imported) {
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
    const from = placed.get(l.fromKey);
    const to = l.toKey === null ? null : placed.get(l.toKey);
    if (!from || to === undefined || (!to && !toThesis)) continue; // an end's problem is reported
    let existing = linksFrom.get(from.id);
    if (!existing) linksFrom.set(from.id, (existing = []));
    try {
      const ends = checkCrossLink(
        to ? [from, to] : [from],
        existing,
        from.id,
        to ? { claimId: to.id } : { thesisId: toThesis!.id },
      );
      const link = { id: newId(), fromClaimId: from.id, ...ends, stance: l.stance };
      links.push(link);
      existing.push(link);
    } catch (e) {
      problems.push(ruleProblem(l.where, e));
    }
  }
  return links;
}
