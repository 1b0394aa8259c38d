/**
 * What an LMS role becomes in Counterpoint (LTI Core 1.3 Appendix A.2: role vocabularies).
 * Context (course membership) roles decide, in full URIs or the short names platforms may still
 * send: Instructor, Administrator and ContentDeveloper (and their sub-roles, such as
 * Instructor#TeachingAssistant) make the class's teacher; Learner makes a student. Institution and
 * system roles (a school's administrator) give no place in a course by themselves, and neither
 * do Mentor (a parent, an observer) and Manager/Member.
 */

export type LtiClassRole = 'teacher' | 'student';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const TEACHING = ['Instructor', 'Administrator', 'ContentDeveloper'];
const LEARNING = ['Learner'];

/** The principal context role a role URI names, or null for institution and system roles. */
export function contextRole(role: string): string | null {
  // Short name ("Instructor"), full ("…/membership#Instructor") or sub-role
  // ("…/membership/Instructor#TeachingAssistant": its principal role is Instructor).
  if (/^[A-Za-z]+$/.test(role)) return role;
  if (role.startsWith(`${MEMBERSHIP}#`)) return role.slice(MEMBERSHIP.length + 1);
  if (role.startsWith(`${MEMBERSHIP}/`)) return role.slice(MEMBERSHIP.length + 1).split('#')[0]!;
  return null;
}

/** Teacher if any role teaches, else student if any role learns, else null (no place). */
export function classRoleOf(roles: readonly string[]): LtiClassRole | null {
  const principal = roles.map(contextRole).filter((r): r is string => r !== null);
  if (principal.some((r) => TEACHING.includes(r))) return 'teacher';
  if (principal.some((r) => LEARNING.includes(r))) return 'student';
  return null;
}
