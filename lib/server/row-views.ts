import 'server-only';
import type { Anchor, Claim, ClaimLink, Source } from '@/lib/generated/prisma/client';
import type { CrossLink } from '@/lib/domain/cross-links';
import type { Stance } from '@/lib/domain/argument-tree';
import type { AnchorView, ClaimView, SourceView } from '@/lib/domain/views';
import { restoreBlocks } from '@/lib/schemas/source';

// Rows to the plain views the UI receives. Stored values are restored, never trusted blindly.

/** A stored stance: "con", or else "pro". */
export const toStance = (stance: string): Stance => (stance === 'con' ? 'con' : 'pro');

export function toSourceView(s: Source): SourceView {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    standfirst: s.standfirst,
    authors: s.authors,
    authorsNote: s.authorsNote,
    publisher: s.publisher,
    publishedOn: s.publishedOn?.toISOString() ?? null,
    dateNote: s.dateNote,
    url: s.url,
    licence: s.licence,
    licenceUrl: s.licenceUrl,
    blocks: restoreBlocks(s.blocks),
  };
}

export function toClaimView(
  c: Pick<
    Claim,
    | 'id'
    | 'thesisId'
    | 'parentId'
    | 'stance'
    | 'orderKey'
    | 'text'
    | 'note'
    | 'strength'
    | 'version'
  >,
): ClaimView {
  return {
    id: c.id,
    thesisId: c.thesisId,
    parentId: c.parentId,
    stance: toStance(c.stance),
    order: c.orderKey,
    text: c.text,
    note: c.note,
    strength: c.strength,
    version: c.version,
  };
}

export function toAnchorView(a: Omit<Anchor, 'createdAt'>): AnchorView {
  return {
    id: a.id,
    claimId: a.claimId,
    sourceId: a.sourceId,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    block: a.block,
    start: a.start,
    end: a.end,
  };
}

export function toLinkView(l: Omit<ClaimLink, 'createdAt' | 'mapId'>): CrossLink {
  return {
    id: l.id,
    fromClaimId: l.fromClaimId,
    toClaimId: l.toClaimId,
    toThesisId: l.toThesisId,
    stance: toStance(l.stance),
  };
}
