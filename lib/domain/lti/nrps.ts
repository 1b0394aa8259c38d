/**
 * Names and Role Provisioning Services 2.0 (1EdTech): the membership container a platform
 * answers with, read into the learners to enrol, and the `Link: <…>; rel="next"` header that
 * pages it.
 */
import { personOf, type LaunchPerson } from './claims';
import { classRoleOf, type LtiClassRole } from './roles';

export const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

export interface RosterMember {
  person: LaunchPerson;
  role: LtiClassRole;
}

/** The active members with a place in a class (teachers and students), from one page. */
export function readMembership(body: unknown): RosterMember[] {
  const members =
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { members?: unknown }).members)
      ? (body as { members: unknown[] }).members
      : [];
  const out: RosterMember[] = [];
  for (const m of members) {
    if (typeof m !== 'object' || m === null) continue;
    const member = m as Record<string, unknown>;
    if (typeof member.user_id !== 'string' || !member.user_id) continue;
    if (member.status !== undefined && member.status !== 'Active') continue;
    const roles = Array.isArray(member.roles)
      ? member.roles.filter((r): r is string => typeof r === 'string')
      : [];
    const role = classRoleOf(roles);
    if (!role) continue;
    out.push({ person: personOf(member, member.user_id), role });
  }
  return out;
}

/**
 * The next page's URL from a Link header, if any, resolved against the page that sent it
 * (`current`). Only a page on the same site as `current` is followed: the request carries the
 * platform's access token, which must not be handed to another host.
 */
export function nextPage(link: string | null, current: string): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /rel\s*=\s*"?([^"]*\s)?next(\s[^"]*)?"?\s*(;|$)/.test(match[2]!)) {
      if (!URL.canParse(match[1]!, current)) return null;
      const url = new URL(match[1]!, current);
      return url.origin === new URL(current).origin ? url.toString() : null;
    }
  }
  return null;
}
