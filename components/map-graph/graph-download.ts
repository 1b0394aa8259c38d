'use client';

import type { Graph } from '@/lib/domain/graph';
import type { GraphLayout } from '@/lib/domain/graph-layout';
import { graphSvg } from '@/lib/domain/graph-svg';

/** The largest picture a browser canvas reliably holds (Chromium: 16,384 px a side, ~120 MP). */
const MAX_SIDE = 16_384;
const MAX_AREA = 120_000_000;

/**
 * Downloads the whole graph (every box, not only those on screen) as SVG, drawn from the layout,
 * or as PNG: that SVG at twice the size (sharp when zoomed), or as large as a canvas allows.
 */
export async function downloadGraphImage(
  graph: Graph,
  layout: GraphLayout,
  format: 'png' | 'svg',
  filename: string,
) {
  const svg = graphSvg(graph, layout, filename);
  const svgBlob = new Blob([svg], { type: 'image/svg+xml' });
  const blob = format === 'svg' ? svgBlob : await toPng(svgBlob, layout);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${filename}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function toPng(svg: Blob, layout: GraphLayout): Promise<Blob> {
  const width = layout.bounds.width + 80;
  const height = layout.bounds.height + 80;
  const scale = Math.min(
    2,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_AREA / (width * height)),
  );
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(width * scale);
    canvas.height = Math.floor(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The picture is too big to draw.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
