import { z } from 'zod';
import { countProblem, IMPORT_LIMITS, sizeProblem } from './import-limits';
import { importFailure, walkToTheses, type ImportedMap, type ImportProblem } from './imported-map';

const id = z.union([z.string(), z.number()]).transform(String);
const aifSchema = z.object({
  nodes: z.array(
    z.object({ nodeID: id, text: z.string().default(''), type: z.string() }).passthrough(),
  ),
  edges: z.array(z.object({ edgeID: id.optional(), fromID: id, toID: id }).passthrough()),
  counterpoint: z
    .object({
      title: z.string().optional(),
      theses: z.array(z.object({ nodeID: id, position: z.number().int() })).optional(),
      claims: z
        .record(
          z.string(),
          z.object({
            strength: z.number().optional(),
            note: z.string().optional(),
            quotes: z
              .array(
                z.object({
                  source: z.string(),
                  exact: z.string(),
                  prefix: z.string().optional(),
                  suffix: z.string().optional(),
                }),
              )
              .optional(),
          }),
        )
        .optional(),
      crossLinks: z.array(id).optional(),
    })
    .optional(),
});

// Dialogue nodes (locutions, transitions, illocutions) say who said what; the argument is in I, RA, CA.
const DIALOGUE = new Set(['L', 'TA', 'YA', 'PA', 'MA']);

/** Counts what the file holds before zod or any walk looks at it, so a huge file costs nothing. */
function countProblems(raw: unknown): ImportProblem[] {
  const r = (raw ?? {}) as {
    nodes?: unknown;
    edges?: unknown;
    counterpoint?: { claims?: unknown };
  };
  const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  let quotes = 0;
  const claims = r.counterpoint?.claims;
  if (claims && typeof claims === 'object') {
    for (const meta of Object.values(claims))
      quotes += length((meta as { quotes?: unknown })?.quotes);
  }
  return [
    countProblem('file', length(r.nodes), IMPORT_LIMITS.aifNodes, 'nodes'),
    countProblem('file', length(r.edges), IMPORT_LIMITS.aifEdges, 'edges'),
    countProblem('file', quotes, IMPORT_LIMITS.quotes, 'quotes'),
  ].filter((p) => p !== null);
}

/**
 * Reads AIF JSON (AIFdb, OVA, or toAif()). Each claim must be the single premise of one RA
 * (supports) or CA (attacks) node towards its parent; the one or two roots are the theses.
 * Problems name the node or edge they are in. Within the import limits, the work is linear in
 * the file's size.
 */
export function fromAif(input: string): ImportedMap {
  const tooBig = sizeProblem(input);
  if (tooBig) throw importFailure('AIF', [tooBig]);
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch (e) {
    throw importFailure('AIF', [
      { where: 'file', message: `not valid JSON (${(e as Error).message})` },
    ]);
  }
  const counted = countProblems(raw);
  if (counted.length) throw importFailure('AIF', counted);
  const parsed = aifSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw importFailure('AIF', [{ where: issue.path.join('.') || 'file', message: issue.message }]);
  }
  const aif = parsed.data;
  const problems: ImportProblem[] = [];
  const nodes = new Map<string, (typeof aif.nodes)[number]>();
  for (const n of aif.nodes) {
    if (nodes.has(n.nodeID)) {
      problems.push({
        where: `node ${n.nodeID}`,
        message: 'more than one node has this id (each node needs its own)',
      });
    }
    nodes.set(n.nodeID, n);
  }
  for (const [i, e] of aif.edges.entries()) {
    for (const end of [e.fromID, e.toID]) {
      if (!nodes.has(end))
        problems.push({ where: `edge ${e.edgeID ?? i + 1}`, message: `${end} is not a node` });
    }
  }
  for (const n of aif.nodes) {
    if (!['I', 'RA', 'CA'].includes(n.type) && !DIALOGUE.has(n.type)) {
      problems.push({
        where: `node ${n.nodeID}`,
        message: `node type “${n.type}” is not understood`,
      });
    }
  }
  if (problems.length) throw importFailure('AIF', problems);

  // Each node's incoming and outgoing neighbours, indexed once (not searched for each node).
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, key: string, value: string) => {
    const list = index.get(key);
    if (list) list.push(value);
    else index.set(key, [value]);
  };
  for (const e of aif.edges) {
    add(into, e.toID, e.fromID);
    add(outOf, e.fromID, e.toID);
  }
  const claimsAround = (index: Map<string, string[]>, nid: string) =>
    (index.get(nid) ?? []).map((k) => nodes.get(k)!).filter((n) => n.type === 'I');

  const crossIds = new Set(aif.counterpoint?.crossLinks ?? []);
  const edgesOf = new Map<
    string,
    { to: string; stance: 'pro' | 'con'; cross: boolean; where: string }[]
  >();
  for (const s of aif.nodes) {
    if (s.type !== 'RA' && s.type !== 'CA') continue;
    const where = `node ${s.nodeID}`;
    const premises = claimsAround(into, s.nodeID);
    const conclusions = claimsAround(outOf, s.nodeID);
    if (premises.length !== 1) {
      problems.push({
        where,
        message: premises.length
          ? `${premises.length} premises together (co-premises) cannot be imported yet`
          : 'it has no premise',
      });
      continue;
    }
    if (conclusions.length !== 1) {
      problems.push({
        where,
        message: `it must point to exactly one claim, not ${conclusions.length}`,
      });
      continue;
    }
    const from = premises[0]!.nodeID;
    const edge = {
      to: conclusions[0]!.nodeID,
      stance: s.type === 'RA' ? ('pro' as const) : ('con' as const),
      cross: crossIds.has(s.nodeID),
      where,
    };
    const list = edgesOf.get(from);
    if (list) list.push(edge);
    else edgesOf.set(from, [edge]);
  }

  const claimsI = aif.nodes.filter((n) => n.type === 'I');
  const treeParent = (nid: string) => (edgesOf.get(nid) ?? []).find((e) => !e.cross);
  const thesisNodes = aif.counterpoint?.theses
    ? new Map(aif.counterpoint.theses.map((t) => [t.nodeID, t.position]))
    : new Map(claimsI.filter((n) => !treeParent(n.nodeID)).map((n, i) => [n.nodeID, i]));
  if (thesisNodes.size < 1 || thesisNodes.size > 2) {
    problems.push({
      where: 'file',
      message: `found ${thesisNodes.size} root claims; a map has one or two theses`,
    });
  }
  const tooMany = countProblem(
    'file',
    claimsI.length - thesisNodes.size,
    IMPORT_LIMITS.claims,
    'claims',
  );
  if (tooMany) problems.push(tooMany);
  if (problems.length) throw importFailure('AIF', problems);

  const reach = walkToTheses(
    claimsI.map((n) => n.nodeID),
    (nid) => treeParent(nid)?.to,
    (nid) => thesisNodes.get(nid),
  );
  const result: ImportedMap = {
    title: aif.counterpoint?.title ?? null,
    claims: [],
    quotes: [],
    links: [],
  };
  const meta = aif.counterpoint?.claims ?? {};
  for (const n of claimsI) {
    if (thesisNodes.has(n.nodeID)) continue;
    const where = `node ${n.nodeID}`;
    const tree = (edgesOf.get(n.nodeID) ?? []).filter((e) => !e.cross);
    // Without our metadata, a second inference from the same claim is a cross-link.
    const [parent, ...extra] = tree;
    const thesisPosition = reach.get(n.nodeID)?.thesis ?? null;
    if (!parent || thesisPosition === null) {
      problems.push({
        where,
        message: 'it does not lead up to a thesis (a cycle, or a claim that answers nothing)',
      });
      continue;
    }
    const m = Object.hasOwn(meta, n.nodeID) ? meta[n.nodeID]! : {};
    result.claims.push({
      key: n.nodeID,
      where,
      thesisPosition,
      parentKey: thesisNodes.has(parent.to) ? null : parent.to,
      stance: parent.stance,
      text: n.text,
      note: m.note ?? '',
      strength: m.strength ?? null,
    });
    for (const q of m.quotes ?? []) {
      result.quotes.push({
        claimKey: n.nodeID,
        where,
        sourceSlug: q.source,
        exact: q.exact,
        prefix: q.prefix ?? '',
        suffix: q.suffix ?? '',
      });
    }
    for (const l of [...extra, ...(edgesOf.get(n.nodeID) ?? []).filter((e) => e.cross)]) {
      result.links.push({
        fromKey: n.nodeID,
        where: l.where,
        toKey: thesisNodes.has(l.to) ? null : l.to,
        toThesisPosition: thesisNodes.has(l.to) ? thesisNodes.get(l.to)! : null,
        stance: l.stance,
      });
    }
  }
  if (problems.length) throw importFailure('AIF', problems);
  return result;
}
