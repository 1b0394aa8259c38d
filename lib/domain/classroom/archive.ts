import { AppError } from '@/lib/errors';
import type { Capability, ClassCapability } from '../capabilities';

/**
 * An archived class (Classroom.archivedAt set by its teacher) is read-only everywhere: its
 * teacher and students still open the class, its assignments, the dashboard, the grades and every
 * map, and nothing in it changes (no claims, comments, votes, feedback, grades, roster changes,
 * new assignments or rounds, no joining by code) until the teacher unarchives it. The server
 * enforces this inside its access checks (lib/server/classroom/access.ts for the class,
 * lib/server/access.ts and the editor's operations for its maps); the pages only stop offering
 * what would be refused.
 */

export const ARCHIVED_WORDS = 'This class is archived: its work is read-only.';

/** The one refusal of a write to an archived class or one of its maps. */
export const archivedError = () => new AppError('FORBIDDEN', ARCHIVED_WORDS);

/** The class capabilities that only read: allowed in an archived class. */
const CLASS_READS: readonly ClassCapability[] = [
  'class.read',
  'assignment.review',
  'grade.read-own',
];

/** Whether a class capability only reads (the others change something). */
export const onlyReads = (capability: ClassCapability) => CLASS_READS.includes(capability);

/** In a map of an archived class everyone only reads: this is all anyone may do. */
export const archivedMapAllows = (capability: Capability) => capability === 'map.read';
