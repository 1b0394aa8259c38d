import { z } from 'zod';
import { MODES, SIDE_PLANS, SIDES } from '@/lib/domain/classroom/teams';
import { recordId } from './ids';

// The inputs of the assignment actions (lib/actions/assignments.ts).

export const ASSIGNMENT_TITLE_MAX = 120;
export const INSTRUCTIONS_MAX = 5000;
export const TEAM_NAME_MAX = 60;

const id = recordId;

const title = z
  .string()
  .trim()
  .min(1, 'Give the assignment a title.')
  .max(ASSIGNMENT_TITLE_MAX, `Keep the title under ${ASSIGNMENT_TITLE_MAX} characters.`);
const instructions = z
  .string()
  .max(INSTRUCTIONS_MAX, `Keep the instructions under ${INSTRUCTIONS_MAX} characters.`)
  .transform((s) => s.trim());
/** An ISO date-time (the browser turns the local date and time into one), or empty for none. */
const dueAt = z
  .union([z.literal(''), z.null(), z.iso.datetime({ offset: true })], {
    error: 'Enter the due date as a date and a time.',
  })
  .transform((v) => (v ? new Date(v) : null));

export const createAssignmentSchema = z.object({
  classId: id,
  debateId: recordId.min(1, 'Choose a debate.'),
  title,
  instructions,
  dueAt,
  mode: z.enum(MODES, { error: 'Choose how students work.' }),
  teamCount: z.coerce
    .number({ error: 'Enter the number of teams.' })
    .int('Enter a whole number of teams.')
    .min(1, 'Make at least one team.')
    .max(100, 'Make at most 100 teams.')
    .default(2),
  /** Team mode: deal the students into teams at random, or leave the teams empty to fill. */
  teamFill: z
    .enum(['random', 'empty'], { error: 'Choose how teams are filled.' })
    .default('random'),
  sides: z.enum(SIDE_PLANS, { error: 'Choose how sides are given.' }),
  anonymous: z.boolean().default(false),
});

export const updateAssignmentSchema = z.object({
  assignmentId: id,
  title,
  instructions,
  dueAt,
  anonymous: z.boolean(),
});

export const assignmentRef = z.object({ assignmentId: id });
/** Round 2 (and on): its due date, in the teacher's time as typed, sent as an instant. */
export const nextRoundSchema = z.object({ assignmentId: id, dueAt });
export const workSideSchema = z.object({
  assignmentId: id,
  workId: id,
  side: z.enum(SIDES, { error: 'Choose thesis 1, thesis 2 or both.' }),
});
export const renameTeamSchema = z.object({
  assignmentId: id,
  workId: id,
  name: z
    .string()
    .trim()
    .min(1, 'Give the team a name.')
    .max(TEAM_NAME_MAX, `Keep the name under ${TEAM_NAME_MAX} characters.`),
});
export const moveStudentSchema = z.object({ assignmentId: id, studentId: id, toWorkId: id });
