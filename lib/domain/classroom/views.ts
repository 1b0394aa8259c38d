import type { AccountKind, ClassRole } from '../capabilities';
import type { CrossLinkView, OutlineEntry, UnansweredObjection } from './compare';
import type { RubricCriterion, RubricScores } from './rubric';

/**
 * What the classroom pages receive from lib/server/classroom (and the admin page from
 * lib/server): plain, serializable data, the shapes the components render. Access is checked
 * where they are read; lib/server/classroom/* builds them.
 */

export interface AssignmentSummary {
  id: string;
  title: string;
  className: string;
  classId: string;
  mode: string;
  round: number;
  dueAt: string | null;
  workCount: number;
  /** A student's own work (null for the teacher's list, or when they have none). */
  mine: StudentWork | null;
}

export interface StudentWork {
  workId: string;
  mapId: string;
  teamName: string;
  side: string;
  sideLabels: string[];
  /** Classmates in the same work, by name or pseudonym. */
  teammates: string[];
  released: ReleasedGrade | null;
}

export interface TeacherWork {
  id: string;
  name: string;
  side: string;
  mapId: string;
  members: { userId: string; name: string }[];
}

export interface AssignmentPage {
  role: ClassRole;
  assignment: {
    id: string;
    title: string;
    instructions: string;
    dueAt: string | null;
    mode: string;
    anonymous: boolean;
    round: number;
    previousRoundId: string | null;
    nextRoundIds: string[];
  };
  /** archived: read-only (lib/domain/classroom/archive.ts); timeZone: due dates are typed in it. */
  class: { id: string; name: string; archived: boolean; timeZone: string | null };
  debate: {
    id: string;
    motion: string;
    theses: { position: number; label: string; text: string }[];
  };
  /** Teacher only: every piece of work, and the class's students (for moving between teams). */
  works: TeacherWork[];
  students: { userId: string; name: string }[];
  /** Student only: their own work. */
  mine: StudentWork | null;
}

export interface GradeView {
  workId: string;
  scores: RubricScores;
  feedback: string;
  earned: number;
  possible: number;
  /** Whether any criterion has been scored (a work can be released with feedback only). */
  scored: boolean;
  /** ISO date-time; null while private. */
  releasedAt: string | null;
  updatedAt: string | null;
}

export interface ReleasedGrade {
  workId: string;
  assignmentId: string;
  assignmentTitle: string;
  mapId: string;
  earned: number;
  possible: number;
  scored: boolean;
  feedback: string;
  releasedAt: string;
  /** How many notes the teacher left on claims of this work. */
  claimFeedbackCount: number;
}

export interface ClaimFeedbackView {
  id: string;
  claimId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReleasedFeedback {
  rubric: RubricCriterion[];
  grade: GradeView;
  claims: ClaimFeedbackView[];
}

export interface MapAssignmentContext {
  viewerRole: 'teacher' | 'student';
  assignmentId: string;
  workId: string;
  title: string;
  className: string;
  classId: string;
  /** The class is archived: its work is read-only. */
  archived: boolean;
  mode: string;
  anonymous: boolean;
  dueAt: string | null;
  instructions: string;
  /** The team's name (empty for individual and whole-class work). */
  teamName: string;
  side: string;
  sideLabels: string[];
  /** For a student: the grade and claim feedback once released (null while private). */
  released: ReleasedFeedback | null;
  /** For the teacher: every claim note (released or not) and whether the work is released. */
  teacher: { feedback: ClaimFeedbackView[]; releasedAt: string | null } | null;
}

/** A debate in a teacher's list: the seeded ones and their own. */
export interface DebateSummary {
  id: string;
  motion: string;
  /** The two sides' short names, thesis 1 first. */
  thesisLabels: string[];
  /** ISO date-time. */
  createdAt: string;
  /** Created by this user (false: a seeded example debate). */
  mine: boolean;
  /** Maps and assignments on it: a debate in use cannot be deleted. */
  mapCount: number;
  assignmentCount: number;
}

export interface ComparedWork {
  workId: string;
  mapId: string;
  name: string;
  members: string[];
  side: string;
  sideLabels: string[];
  /** Each thesis's claims as an outline, by thesis id. */
  outline: Record<string, OutlineEntry[]>;
  unanswered: UnansweredObjection[];
  crossLinks: CrossLinkView[];
}

export interface RosterEntry {
  userId: string;
  name: string;
  /** A managed account's username (how they sign in), else null. */
  username: string | null;
  /** A student's own email; null for a managed account (its email is a placeholder). */
  email: string | null;
  /** Created by a teacher (signs in with a username and a password the teacher hands out). */
  managed: boolean;
  /** Created by this class's teacher: they may give it a new password. */
  managedByTeacher: boolean;
  pseudonym: string;
  joinedAt: string;
}

export interface RemovedStudent {
  userId: string;
  name: string;
  username: string | null;
  email: string | null;
  removedAt: string;
}

export interface AccountRow {
  id: string;
  name: string;
  email: string | null;
  username: string | null;
  kind: AccountKind;
  isAdmin: boolean;
  managed: boolean;
  createdAt: string;
}

/** How a password was reset (PasswordReset.method). */
export type ResetMethod = 'new-password' | 'link' | 'link-used';

export interface ResetRow {
  id: string;
  at: string;
  method: ResetMethod;
  actor: { id: string; name: string };
  target: { id: string; name: string; username: string | null };
}

export type AdminReset =
  | { kind: 'password'; name: string; username: string; password: string }
  | { kind: 'link'; name: string; url: string; expiresAt: string };
