/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';

// Graph layout runs here, off the main thread, so a big map never freezes the page.
const elk = new ELK();
const GAP = 120;

type Tree = Parameters<typeof elk.layout>[0];

// One layout per thesis tree, placed left to right. Messages carry a `kind` of their own because
// ELK's bundled code also listens for messages in a worker and answers with plain `id`s.
self.addEventListener(
  'message',
  async (event: MessageEvent<{ kind?: string; seq: number; key: string; trees: Tree[] }>) => {
    if (event.data?.kind !== 'counterpoint-layout') return;
    const { seq, key, trees } = event.data;
    const started = performance.now();
    try {
      const positions: Record<string, { x: number; y: number }> = {};
      let offset = 0;
      for (const tree of trees) {
        const result = await elk.layout(tree);
        for (const child of result.children ?? []) {
          positions[child.id] = { x: offset + (child.x ?? 0), y: child.y ?? 0 };
        }
        offset += (result.width ?? 0) + GAP;
      }
      self.postMessage({
        kind: 'counterpoint-layout',
        seq,
        key,
        positions,
        ms: performance.now() - started,
      });
    } catch (error) {
      self.postMessage({ kind: 'counterpoint-layout', seq, error: String(error) });
    }
  },
);
