import { citation, orderedClaims, type MapDocument } from './document';

// AIF JSON as AIFdb and OVA exchange it: claims and theses are I-nodes; a support is an RA-node
// (premise I -> RA -> conclusion I), an attack a CA-node. What AIF has no place for (ratings,
// notes, quotes with their sources, which S-nodes are cross-links) is kept under "counterpoint",
// a key AIF tools ignore.

export interface AifNode {
  nodeID: string;
  text: string;
  type: string;
}
export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}
export interface AifQuote {
  source: string;
  sourceTitle: string;
  /** Absent when the article has no web address. */
  sourceUrl?: string;
  exact: string;
  prefix: string;
  suffix: string;
}
export interface AifDocument {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: unknown[];
  participants: unknown[];
  counterpoint?: {
    version: 1;
    title: string;
    motion: string;
    theses: {
      nodeID: string;
      position: number;
      label: string;
      source: string;
      citation: string;
      /** Absent when the article has no web address. */
      url?: string;
    }[];
    claims: Record<string, { strength?: number; note?: string; quotes?: AifQuote[] }>;
    crossLinks: string[];
  };
}

/** The map as AIF JSON. */
export function toAif(doc: MapDocument): AifDocument {
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  let n = 0;
  const node = (text: string, type: string) => {
    const nodeID = String(++n);
    nodes.push({ nodeID, text, type });
    return nodeID;
  };
  const edge = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });
  const inference = (from: string, to: string, stance: 'pro' | 'con') => {
    const s = stance === 'pro' ? node('Default Inference', 'RA') : node('Default Conflict', 'CA');
    edge(from, s);
    edge(s, to);
    return s;
  };

  const theses = doc.debate.theses.map((t) => ({
    nodeID: node(t.text, 'I'),
    position: t.position,
    label: t.label,
    source: t.source.slug,
    citation: citation(t.source),
    ...(t.source.url ? { url: t.source.url } : {}),
  }));
  const thesisNode = new Map(doc.debate.theses.map((t, i) => [t.id, theses[i]!.nodeID]));
  const ordered = orderedClaims(doc);
  const claimNode = new Map<string, string>();
  const meta: NonNullable<AifDocument['counterpoint']>['claims'] = {};
  const sources = new Map(doc.debate.theses.map((t) => [t.source.id, t.source]));
  for (const o of ordered) {
    const id = node(o.claim.text, 'I');
    claimNode.set(o.claim.id, id);
    const target = o.claim.parentId
      ? claimNode.get(o.claim.parentId)!
      : thesisNode.get(o.claim.thesisId)!;
    inference(id, target, o.claim.stance);
    const quotes = doc.anchors
      .filter((a) => a.claimId === o.claim.id)
      .map((a) => {
        const s = sources.get(a.sourceId)!;
        return {
          source: s.slug,
          sourceTitle: s.title,
          ...(s.url ? { sourceUrl: s.url } : {}),
          exact: a.exact,
          prefix: a.prefix,
          suffix: a.suffix,
        };
      });
    const entry = {
      ...(o.claim.strength ? { strength: o.claim.strength } : {}),
      ...(o.claim.note ? { note: o.claim.note } : {}),
      ...(quotes.length ? { quotes } : {}),
    };
    if (Object.keys(entry).length) meta[id] = entry;
  }
  const crossLinks: string[] = [];
  for (const o of ordered) {
    for (const l of doc.links.filter((x) => x.fromClaimId === o.claim.id)) {
      const to = l.toClaimId ? claimNode.get(l.toClaimId) : thesisNode.get(l.toThesisId ?? '');
      if (to) crossLinks.push(inference(claimNode.get(o.claim.id)!, to, l.stance));
    }
  }
  return {
    nodes,
    edges,
    locutions: [],
    participants: [],
    counterpoint: {
      version: 1,
      title: doc.title,
      motion: doc.debate.motion,
      theses,
      claims: meta,
      crossLinks,
    },
  };
}
