/**
 * Who may do what in a map: one table, read by the server for every read and write and by the
 * editor to show only what a person may do. A map has one owner (ArgumentMap.ownerId); other
 * people are members with a role, added by email or through a link with that role.
 */

export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The roles an owner can give: ownership itself is not handed out. */
export const MEMBER_ROLES = ['editor', 'commenter', 'viewer'] as const satisfies readonly Role[];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const CAPABILITIES = [
  /** Open the map, its history and its comments; export it; make a copy of it. */
  'map.read',
  /** Change claims, quotes, notes, ratings and cross-links; restore from Trash or History. */
  'map.edit',
  /** Start and answer comment threads; resolve and reopen them. */
  'comment.write',
  /** Rename the map. */
  'map.rename',
  /** Invite people, change their roles, remove them; create and revoke links. */
  'map.share',
  /** Delete the whole map. */
  'map.delete',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ALLOWED: Record<Role, readonly Capability[]> = {
  owner: CAPABILITIES,
  editor: ['map.read', 'map.edit', 'comment.write'],
  commenter: ['map.read', 'comment.write'],
  viewer: ['map.read'],
};

/** Whether a role (null: no access at all) may do something. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && ALLOWED[role].includes(capability);
}

/** The roles that have a capability (the server checks membership against this list). */
export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((role) => ALLOWED[role].includes(capability));
}

/** What an operation kind needs: comments need comment.write, every other change map.edit. */
export function capabilityForOp(kind: string): Capability {
  return kind.startsWith('comment.') ? 'comment.write' : 'map.edit';
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Can edit',
  commenter: 'Can comment',
  viewer: 'Can view',
};

/** Why a role was refused, in words for the person refused. */
export function refusalFor(capability: Capability, role: Role | null): string {
  if (role === null) return 'You do not have access to this map.';
  switch (capability) {
    case 'map.edit':
    case 'comment.write': {
      const now = role === 'commenter' ? 'comment on' : 'view';
      const ask = capability === 'map.edit' ? 'edit' : 'comment';
      const what = capability === 'map.edit' ? 'change it' : 'comment on it';
      return `You can ${now} this map but not ${what}. Ask its owner for ${ask} access.`;
    }
    default:
      return 'Only the owner of this map can do that.';
  }
}
