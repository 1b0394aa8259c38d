'use client';

import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

/** Renders the whole graph (not just what is on screen) to a PNG or SVG file and downloads it. */
export async function downloadGraphImage(nodes: Node[], format: 'png' | 'svg', filename: string) {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) return;
  const bounds = getNodesBounds(nodes);
  const width = Math.min(8000, Math.ceil(bounds.width + 80));
  const height = Math.min(8000, Math.ceil(bounds.height + 80));
  const view = getViewportForBounds(bounds, width, height, 0.1, 2, 0.05);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
    },
  };
  const url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${filename}.${format}`;
  a.click();
}
