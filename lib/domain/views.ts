import type { Stance, TreeNode } from './argument-tree';
import type { CrossLink } from './cross-links';

/** What the pages and the editor receive: plain, serializable data. */

export const BLOCK_TYPES = ['paragraph', 'heading', 'quote'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export interface Block {
  type: BlockType;
  text: string;
}

export interface SourceView {
  id: string;
  slug: string;
  title: string;
  standfirst: string | null;
  authors: string;
  authorsNote: string | null;
  publisher: string;
  /** ISO date-time, or null when the source's date is unknown (see dateNote). */
  publishedOn: string | null;
  dateNote: string | null;
  url: string;
  licence: string | null;
  licenceUrl: string | null;
  blocks: Block[];
}

export interface ThesisView {
  id: string;
  position: number;
  label: string;
  text: string;
  source: SourceView;
}

export interface DebateView {
  id: string;
  slug: string;
  motion: string;
  summary: string | null;
  theses: ThesisView[];
}

export interface AnchorView {
  id: string;
  claimId: string;
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  block: number;
  start: number;
  end: number;
}

export interface ClaimView extends TreeNode {
  stance: Stance;
  text: string;
  note: string;
  strength: number | null;
  version: number;
}

/** A comment on a claim; parentId null starts a thread (resolvedAt is set on the thread's first comment). */
export interface CommentView {
  id: string;
  claimId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  resolvedAt: string | null;
}

export interface MapView {
  id: string;
  title: string;
  /** The owner's name; null where a share link hides it. */
  ownerName: string | null;
  updatedAt: string;
  /** The map's revision when this was read: every applied operation raises it by one. */
  revision: number;
  debate: DebateView;
  claims: ClaimView[];
  anchors: AnchorView[];
  links: CrossLink[];
  /** Comments on live claims, oldest first. */
  comments: CommentView[];
  /** Who wrote each claim, as this reader may see them; absent where people are hidden. */
  authors?: MapAuthors;
}

/**
 * Who wrote the claims of a map (Claim.authorId), and the names of the people who may appear as
 * authors: ids and names as the reader is shown them (lib/domain/visibility.ts), so an anonymous
 * student's copy holds pseudonymous ids and pseudonyms only.
 */
export interface MapAuthors {
  /** Author by claim id, for live claims and those in the Trash (a claim with none is absent). */
  byClaim: Record<string, string>;
  /** By id: the map's owner, its members and every author. */
  names: Record<string, string>;
}

/** What a share link shows beyond the claims: the owner's choice, both off by default. */
export interface ShareOptions {
  includeNotes: boolean;
  showName: boolean;
}

export interface ShareLinkView extends ShareOptions {
  token: string;
}

export interface MapSummary {
  id: string;
  title: string;
  updatedAt: string;
  claimCount: number;
  shared: boolean;
}

/** A batch of deleted claims, as the Trash dialog lists it (lib/server/trash.ts). */
export interface TrashEntry {
  deletionId: string;
  /** The text of the claim that was deleted (its replies went with it). */
  text: string;
  claims: number;
  deletedAt: string;
  deletedBy: string | null;
}
