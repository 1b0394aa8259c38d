import { z } from 'zod';
import { MEMBER_ROLES } from '@/lib/domain/capabilities';
import { linkToken, recordId } from './ids';

// The inputs of the people-and-links actions (lib/actions/members.ts).

const id = recordId;

export const memberRole = z.enum(MEMBER_ROLES, 'Choose edit, comment or view.');

export const inviteSchema = z.object({
  mapId: id,
  email: z
    .string()
    .trim()
    .min(1, 'Enter the email address of their account.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Enter an email address like name@school.org.')),
  role: memberRole,
  /** A viewer sees the claims' notes only if the owner chooses so (off unless said). */
  includeNotes: z.boolean().optional(),
});

export const changeRoleSchema = z.object({ mapId: id, userId: id, role: memberRole });
export const memberRef = z.object({ mapId: id, userId: id });

export const roleLinkSchema = z.object({
  mapId: id,
  role: memberRole,
  includeNotes: z.boolean().optional(),
  showName: z.boolean().optional(),
});
export const roleLinkRef = z.object({ mapId: id, role: memberRole });

export const joinSchema = z.object({
  token: linkToken(16, 64),
});
