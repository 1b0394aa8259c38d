'use client';

import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { routePath, type Point } from '@/lib/domain/graph-layout';

export type RouteEdgeData = { points: Point[]; cross: boolean };

/**
 * An arrow along the layout's route: a tree edge is an S-curve from a reply up to its parent
 * through the empty channel between their rows; a cross-link follows its channels and the
 * column between the trees at right angles (see lib/domain/graph-layout.ts), so neither ever
 * crosses a box.
 */
export function RouteEdge({ id, data, style, markerEnd }: EdgeProps<Edge<RouteEdgeData>>) {
  const points = data?.points ?? [];
  if (points.length < 2) return null;
  return (
    <BaseEdge
      id={id}
      path={routePath(points, data?.cross ?? false)}
      style={style}
      markerEnd={markerEnd}
    />
  );
}
