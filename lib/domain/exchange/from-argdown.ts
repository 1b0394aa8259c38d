import { z } from 'zod';
import { argdownShapeProblems } from './argdown-limits';
import { parseArgdown } from './argdown-parser';
import { countProblem, IMPORT_LIMITS } from './import-limits';
import { importFailure, walkToTheses, type ImportedMap, type ImportProblem } from './imported-map';

const dataSchema = z.object({
  text: z.string().optional(),
  strength: z.number().nullable().optional(),
  note: z.string().optional(),
  quotes: z
    .array(
      z.object({
        source: z.string(),
        exact: z.string().min(1),
        prefix: z.string().optional(),
        suffix: z.string().optional(),
      }),
    )
    .optional(),
});

const THESIS = /^T([12])$/;

interface Member {
  text?: string;
  startLine?: number;
  data?: unknown;
}

/**
 * Reads Argdown written as toArgdown() writes it, or by hand in the same shape: statements [T1]
 * and [T2] for the theses, every other statement written under its parent with + or -, cross-links
 * as "+> [X]" / "-> [X]" under their source. Problems are reported with their line. The text is
 * checked against the import limits before Argdown's parser sees it.
 */
export function fromArgdown(input: string): ImportedMap {
  const shape = argdownShapeProblems(input);
  if (shape.length) throw importFailure('Argdown', shape);
  const res = parseArgdown(input);
  const problems: ImportProblem[] = [...(res.dataProblems ?? [])];
  for (const e of res.exceptions ?? []) {
    problems.push({ where: 'file', message: `Argdown could not read it (${e.message})` });
  }
  for (const e of res.lexerErrors ?? [])
    problems.push({ where: `line ${e.line}`, message: e.message });
  for (const e of res.parserErrors ?? []) {
    problems.push({
      where: `line ${e.token.startLine ?? '?'}`,
      message: e.message.replace(/-->|<--/g, '').replace(/\s+/g, ' '),
    });
  }
  if (problems.length) throw importFailure('Argdown', problems);
  if (Object.keys(res.arguments ?? {}).length) {
    problems.push({
      where: 'arguments',
      message: 'arguments written as <…> are not supported: write claims as statements […]',
    });
  }

  const statements = res.statements ?? {};
  const tooMany = countProblem(
    'file',
    Object.keys(statements).filter((t) => !THESIS.test(t)).length,
    IMPORT_LIMITS.claims,
    'claims',
  );
  if (tooMany) throw importFailure('Argdown', [tooMany]);
  const defined = (title: string): Member | undefined => {
    const members = (statements[title]?.members ?? []) as Member[];
    return members.find((m) => m.text !== undefined && m.text.trim() !== '') ?? members[0];
  };
  const lineOf = (title: string) => `line ${defined(title)?.startLine ?? '?'}`;

  // Tree edges are written on the child's own line ("outgoing…" from the parent's view);
  // cross-links on a line of their own under the source ("incoming…").
  const parents = new Map<string, { parent: string; stance: 'pro' | 'con' }[]>();
  const crossLinks: { from: string; to: string; stance: 'pro' | 'con'; line?: number }[] = [];
  for (const rel of res.relations ?? []) {
    const from = rel.from?.title;
    const to = rel.to?.title;
    if (!from || !to) continue;
    if (rel.relationType !== 'support' && rel.relationType !== 'attack') {
      problems.push({
        where: lineOf(from),
        message: `only support (+) and attack (-) relations are understood, not ${rel.relationType}`,
      });
      continue;
    }
    const stance = rel.relationType === 'support' ? 'pro' : 'con';
    const occurrences = rel.occurrences as { name?: string; startLine?: number }[];
    const name = String(occurrences[0]?.name ?? '');
    // A link written twice is two links (the second refused as a duplicate, as in the editor).
    if (name.startsWith('incoming')) {
      for (const o of occurrences) crossLinks.push({ from, to, stance, line: o.startLine });
    } else {
      const list = parents.get(from);
      if (list) list.push({ parent: to, stance });
      else parents.set(from, [{ parent: to, stance }]);
    }
  }

  const claimTitles = Object.keys(statements)
    .filter((t) => !THESIS.test(t))
    .sort((a, b) => (defined(a)?.startLine ?? 0) - (defined(b)?.startLine ?? 0));
  const reach = walkToTheses(
    claimTitles,
    (title) => parents.get(title)?.[0]?.parent,
    (title) => {
      const m = THESIS.exec(title);
      return m ? Number(m[1]) - 1 : undefined;
    },
  );
  const result: ImportedMap = { title: null, claims: [], quotes: [], links: [] };
  const fileTitle = res.frontMatter?.title;
  if (fileTitle !== undefined) result.title = fileTitle;

  for (const title of claimTitles) {
    const where = `${lineOf(title)} (${title})`;
    const edges = parents.get(title) ?? [];
    if (edges.length !== 1) {
      problems.push({
        where,
        message: edges.length
          ? 'a claim can sit under only one parent'
          : 'write it under a thesis or claim with + or -',
      });
      continue;
    }
    const thesisPosition = reach.get(title)?.thesis ?? null;
    if (thesisPosition === null) {
      problems.push({ where, message: 'it does not lead up to [T1] or [T2]' });
      continue;
    }
    const member = defined(title);
    const parsed = dataSchema.safeParse(statements[title]?.data ?? member?.data ?? {});
    if (!parsed.success) {
      problems.push({
        where,
        message: `its data is not understood (${parsed.error.issues[0]?.path.join('.')})`,
      });
      continue;
    }
    const d = parsed.data;
    const parent = edges[0]!.parent;
    result.claims.push({
      key: title,
      where,
      thesisPosition,
      parentKey: THESIS.test(parent) ? null : parent,
      stance: edges[0]!.stance,
      text: d.text ?? (member?.text ?? '').trim(),
      note: d.note ?? '',
      strength: d.strength ?? null,
    });
    for (const q of d.quotes ?? []) {
      result.quotes.push({
        claimKey: title,
        where,
        sourceSlug: q.source,
        exact: q.exact,
        prefix: q.prefix ?? '',
        suffix: q.suffix ?? '',
      });
    }
  }
  for (const l of crossLinks) {
    const m = THESIS.exec(l.to);
    result.links.push({
      fromKey: l.from,
      where: `${l.line ? `line ${l.line}` : lineOf(l.from)} (${l.from})`,
      toKey: m ? null : l.to,
      toThesisPosition: m ? Number(m[1]) - 1 : null,
      stance: l.stance,
    });
  }
  if (problems.length) throw importFailure('Argdown', problems);
  return result;
}
