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
  /** Mark a claim for its author to review (unsupported, unclear, needs a quote...); clear marks. */
  'claim.mark',
  /**
   * Propose a claim for the map's editors to accept, answer or decline (Kialo Edu's suggester).
   * Every role has it so the roles stay ordered; the editor offers it to those without map.edit.
   */
  'claim.suggest',
  /** See the map's open suggestions and accept, answer or decline them. */
  'suggestion.review',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ALLOWED: Record<Role, readonly Capability[]> = {
  owner: CAPABILITIES,
  editor: [
    'map.read',
    'map.edit',
    'comment.write',
    'claim.mark',
    'claim.suggest',
    'suggestion.review',
  ],
  commenter: ['map.read', 'comment.write', 'claim.suggest'],
  viewer: ['map.read', 'claim.suggest'],
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
    case 'claim.mark':
      return 'Only the map’s owner and its editors can mark claims for review.';
    default:
      return 'Only the owner of this map can do that.';
  }
}

// ---------------------------------------------------------------- classes

/**
 * A person's place in a class: its teacher (Classroom.teacherId) or a student (ClassMember).
 * Maps made for an assignment are owned by the teacher and edited by their students (the map
 * roles above), so everything inside a map is governed by the table above; this one governs the
 * class around it.
 */
export const CLASS_ROLES = ['teacher', 'student'] as const;
export type ClassRole = (typeof CLASS_ROLES)[number];

export const CLASS_CAPABILITIES = [
  /** See the class's name, its assignments and one's own work in them. */
  'class.read',
  /** Rename the class; open, close or regenerate its join code; add, reset and remove students. */
  'class.manage',
  /** Create, change and delete assignments; set sides and teams; start a second round. */
  'assignment.manage',
  /** See everyone's work: the roster, the dashboard, every map, the comparison. */
  'assignment.review',
  /** Write feedback and grades, and release them. */
  'grade.write',
  /** See one's own released feedback and grades. */
  'grade.read-own',
] as const;
export type ClassCapability = (typeof CLASS_CAPABILITIES)[number];

const CLASS_ALLOWED: Record<ClassRole, readonly ClassCapability[]> = {
  teacher: CLASS_CAPABILITIES,
  student: ['class.read', 'grade.read-own'],
};

/** Whether a class role (null: not in the class) may do something. */
export function canInClass(role: ClassRole | null | undefined, capability: ClassCapability) {
  return role != null && CLASS_ALLOWED[role].includes(capability);
}

/** Account kinds: a teacher may create classes and debates; anyone may join a class. */
export const ACCOUNT_KINDS = ['student', 'teacher'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const isAccountKind = (value: unknown): value is AccountKind =>
  typeof value === 'string' && (ACCOUNT_KINDS as readonly string[]).includes(value);
