import { CAPABILITIES, can, MEMBER_ROLES, type MemberRole, type Role } from './capabilities';
import type { MapSummary } from './views';

/**
 * Who has access to a map, as the owner's Share dialog and "My maps" show it. Plain data, so the
 * server can send it to the browser; the rules themselves live in capabilities.ts.
 */

/** One person with access: the owner, or a member with a role. */
export interface PersonView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** The role of the link they joined through (revoking it removes them); null if invited by email. */
  viaLink: MemberRole | null;
}

/** What inviting someone by email did: added them, changed their role, or nothing. */
export type InviteOutcome = 'added' | 'changed' | 'unchanged';

/** A map's active link for one role, and how many people joined through it. */
export interface RoleLinkView {
  role: MemberRole;
  token: string;
  /** Viewer links only: what the read-only page shows besides the claims. */
  includeNotes: boolean;
  showName: boolean;
  joined: number;
}

/** Everything the owner's Share dialog shows: the people and the active links. */
export interface MapAccess {
  people: PersonView[];
  links: RoleLinkView[];
}

/** What a commenter or editor link invites its holder to, shown before they join. */
export interface JoinLinkView {
  mapId: string;
  role: 'commenter' | 'editor';
  title: string;
  ownerName: string;
}

/** A map in "My maps": one of the person's own, or one shared with them. */
export interface MyMapSummary extends MapSummary {
  role: Role;
  ownerName: string;
}

export const isMemberRole = (value: unknown): value is MemberRole =>
  typeof value === 'string' && (MEMBER_ROLES as readonly string[]).includes(value);

/**
 * Whether `role` may do everything `other` may (derived from the capability map, so a role
 * given through a link never takes away something the person could already do).
 */
export function atLeast(role: Role | null, other: Role): boolean {
  return CAPABILITIES.every((capability) => !can(other, capability) || can(role, capability));
}

/** What a link with this role lets its holder do, for sentences like "invited you to …". */
export const LINK_VERBS: Record<MemberRole, string> = {
  editor: 'edit',
  commenter: 'comment on',
  viewer: 'read',
};
