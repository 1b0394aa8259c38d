import { z } from 'zod';
import { importFailure, type ImportedMap, type ImportProblem } from './imported-map';

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

/**
 * Reads AIF JSON (AIFdb, OVA, or toAif()). Each claim must be the single premise of one RA
 * (supports) or CA (attacks) node towards its parent; the one or two roots are the theses.
 * Problems name the node or edge they are in.
 */
export function fromAif(input: string): ImportedMap {
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch (e) {
    throw importFailure('AIF', [
      { where: 'file', message: `not valid JSON (${(e as Error).message})` },
    ]);
  }
  const parsed = aifSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw importFailure('AIF', [{ where: issue.path.join('.') || 'file', message: issue.message }]);
  }
  const aif = parsed.data;
  const problems: ImportProblem[] = [];
  const nodes = new Map(aif.nodes.map((n) => [n.nodeID, n]));
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

  const into = (nid: string) =>
    aif.edges.filter((e) => e.toID === nid).map((e) => nodes.get(e.fromID)!);
  const outOf = (nid: string) =>
    aif.edges.filter((e) => e.fromID === nid).map((e) => nodes.get(e.toID)!);
  const crossIds = new Set(aif.counterpoint?.crossLinks ?? []);
  const inferences = aif.nodes.filter((n) => n.type === 'RA' || n.type === 'CA');
  const edgesOf = new Map<
    string,
    { to: string; stance: 'pro' | 'con'; cross: boolean; where: string }[]
  >();
  for (const s of inferences) {
    const where = `node ${s.nodeID}`;
    const premises = into(s.nodeID).filter((n) => n.type === 'I');
    const conclusions = outOf(s.nodeID).filter((n) => n.type === 'I');
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
    edgesOf.set(from, [
      ...(edgesOf.get(from) ?? []),
      {
        to: conclusions[0]!.nodeID,
        stance: s.type === 'RA' ? 'pro' : 'con',
        cross: crossIds.has(s.nodeID),
        where,
      },
    ]);
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
  if (problems.length) throw importFailure('AIF', problems);

  const thesisOf = (nid: string, seen = new Set<string>()): number | null => {
    if (thesisNodes.has(nid)) return thesisNodes.get(nid)!;
    if (seen.has(nid)) return null;
    seen.add(nid);
    const p = treeParent(nid);
    return p ? thesisOf(p.to, seen) : null;
  };

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
    const thesisPosition = thesisOf(n.nodeID);
    if (!parent || thesisPosition === null) {
      problems.push({
        where,
        message: 'it does not lead up to a thesis (a cycle, or a claim that answers nothing)',
      });
      continue;
    }
    const m = meta[n.nodeID] ?? {};
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
