// Files built to hurt an importer, for the tests of the import limits (unit, integration, e2e).
// Each is small to write down and expensive to read without limits.

const SOURCE = 'conversation-informal-diplomacy-koreas-2018';

/**
 * Argdown whose claim data is a YAML "billion laughs": each level is an anchored list of nine
 * aliases of the level before, so a ~300-byte file expands to 9^levels values when read naively.
 */
export function aliasBombArgdown(levels = 8): string {
  const parts = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) {
    const prev = String.fromCharCode(97 + i - 1);
    const name = String.fromCharCode(97 + i);
    parts.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `[T1]: Track II can open talks\n  + [C1]: A claim {${parts.join(', ')}}\n`;
}

/**
 * Argdown with one claim under the next, `depth` levels deep, one space more each level (a
 * 3,000-level chain is 4.5 MB of indentation, about the deepest that fits in an import).
 */
export function deepArgdownChain(depth: number): string {
  const lines = ['[T1]: Track II can open talks'];
  for (let i = 1; i <= depth; i++) lines.push(`${' '.repeat(i)}+ [C${i}]: Reply ${i}`);
  return `${lines.join('\n')}\n`;
}

interface AifNode {
  nodeID: string;
  text: string;
  type: string;
}
interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
}

function aif(nodes: AifNode[], edges: AifEdge[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ nodes, edges, ...extra });
}

/** AIF with a chain of claims, each supporting the one before, `depth` levels below the thesis. */
export function deepAifChain(depth: number): string {
  const nodes: AifNode[] = [{ nodeID: 't', text: 'Thesis', type: 'I' }];
  const edges: AifEdge[] = [];
  let parent = 't';
  for (let i = 1; i <= depth; i++) {
    nodes.push({ nodeID: `c${i}`, text: `Claim ${i}`, type: 'I' });
    nodes.push({ nodeID: `s${i}`, text: 'Default Inference', type: 'RA' });
    edges.push({ edgeID: `e${i}a`, fromID: `c${i}`, toID: `s${i}` });
    edges.push({ edgeID: `e${i}b`, fromID: `s${i}`, toID: parent });
    parent = `c${i}`;
  }
  return aif(nodes, edges);
}

/**
 * AIF with `claims` claims straight under one thesis: two nodes and two edges per claim, written
 * as tersely as AIF allows (25,000 claims are 50,001 nodes in under 4 MB).
 */
export function wideAif(claims: number): string {
  const nodes: AifNode[] = [{ nodeID: 't', text: 'Thesis', type: 'I' }];
  const edges: Omit<AifEdge, 'edgeID'>[] = [];
  for (let i = 1; i <= claims; i++) {
    nodes.push({ nodeID: `c${i}`, text: 'c', type: 'I' });
    nodes.push({ nodeID: `s${i}`, text: '', type: 'RA' });
    edges.push({ fromID: `c${i}`, toID: `s${i}` });
    edges.push({ fromID: `s${i}`, toID: 't' });
  }
  return JSON.stringify({ nodes, edges });
}

/** AIF with one claim carrying `count` quotes of a passage that is in the article. */
export function manyQuotesAif(count: number): string {
  const quote = { source: SOURCE, exact: 'might just have opened a path to real negotiations' };
  return aif(
    [
      { nodeID: 't', text: 'Thesis', type: 'I' },
      { nodeID: 'c', text: 'Quoted claim', type: 'I' },
      { nodeID: 's', text: 'Default Inference', type: 'RA' },
    ],
    [
      { edgeID: 'e1', fromID: 'c', toID: 's' },
      { edgeID: 'e2', fromID: 's', toID: 't' },
    ],
    { counterpoint: { claims: { c: { quotes: Array(count).fill(quote) } } } },
  );
}

/** Argdown whose claim line holds `count` "{}," in a row: data that never ends as Argdown wants. */
export function unclosedDataArgdown(count: number): string {
  return `[T1]: Track II can open talks\n  + [C1]: A claim ${'{},'.repeat(count)}\n`;
}
