import { z } from 'zod';
import { MODES } from '@/lib/domain/classroom/teams';
import { ASSIGNMENT_TITLE_MAX } from './assignments';
import { recordId } from './ids';

// The inputs of the LMS pages: the deep linking picker's choice and the admin's LTI settings.

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: `Enter the ${what} as a full address (https://…).`,
    });

export const deepLinkChoiceSchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('existing'), request: z.string().min(1), assignmentId: recordId }),
  z.object({
    choice: z.literal('new'),
    request: z.string().min(1),
    debateId: recordId.min(1, 'Choose a debate.'),
    title: z
      .string()
      .trim()
      .min(1, 'Give the assignment a title.')
      .max(ASSIGNMENT_TITLE_MAX, `Keep the title under ${ASSIGNMENT_TITLE_MAX} characters.`),
    mode: z.enum(MODES, { error: 'Choose how students work.' }),
    teamCount: z.coerce.number().int().min(1).max(100).default(4),
  }),
]);

export const platformSchema = z.object({
  name: z.string().trim().max(100).default(''),
  issuer: httpUrl('issuer'),
  clientId: z.string().trim().min(1, 'Enter the client id the LMS gave.').max(300),
  deploymentIds: z
    .string()
    .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))])
    .refine((v) => v.length > 0 && v.every((d) => d.length <= 300), {
      error: 'Enter at least one deployment id.',
    }),
  authLoginUrl: httpUrl('authentication request URL'),
  tokenUrl: httpUrl('access token URL'),
  jwksUrl: httpUrl('keyset URL'),
  tokenAudience: z
    .string()
    .trim()
    .max(500)
    .transform((v) => v || null)
    .default(''),
});

export const platformRef = z.object({ platformId: recordId });
export const classRef = z.object({ classId: recordId });
