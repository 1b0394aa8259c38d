import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph';
import { layoutGraph } from './graph-layout';
import { graphSvg } from './graph-svg';
import { sampleMap } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';

describe('graph picture (SVG)', () => {
  it('holds every box of a 1,000-claim map with its text, and every arrow', () => {
    const doc = syntheticMap(sampleMap().debate, 1000, 2);
    const graph = buildGraph(doc.debate.theses, doc.claims, doc.links);
    const svg = graphSvg(graph, layoutGraph(graph), 'Big map');
    expect(svg.match(/<g data-box=/g)?.length).toBe(graph.nodes.length);
    expect(svg.match(/<path class="arrow"/g)?.length).toBe(graph.edges.length);
    const first = doc.claims[0]!.text.split(' ').slice(0, 3).join(' ');
    expect(svg).toContain(first);
  });

  it('escapes what a student typed', () => {
    const doc = sampleMap();
    const claims = doc.claims.map((c, i) =>
      i === 0 ? { ...c, text: '<script>"a" & b</script>' } : c,
    );
    const graph = buildGraph(doc.debate.theses, claims, doc.links);
    const svg = graphSvg(graph, layoutGraph(graph), 'T & <t>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&quot;a&quot; &amp; b&lt;/script&gt;');
    expect(svg).toContain('<title>T &amp; &lt;t&gt;</title>');
  });
});
