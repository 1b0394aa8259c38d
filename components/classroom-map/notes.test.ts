import { describe, expect, it } from 'vitest';
import type { MapAssignmentContext } from '@/lib/domain/classroom/views';
import { notesByClaim } from './notes';

const base: MapAssignmentContext = {
  viewerRole: 'student',
  assignmentId: 'a',
  workId: 'w',
  title: 'T',
  className: 'C',
  classId: 'c',
  archived: false,
  mode: 'team',
  anonymous: false,
  dueAt: null,
  instructions: '',
  teamName: 'Team',
  side: 'first',
  sideLabels: ['One'],
  released: null,
  teacher: null,
};
const note = (id: string, claimId: string) => ({
  id,
  claimId,
  body: `note ${id}`,
  createdAt: '',
  updatedAt: '',
});

describe('notesByClaim', () => {
  it('gives a student nothing until released, then the released notes by claim', () => {
    expect(notesByClaim(null)).toEqual({});
    expect(notesByClaim(base)).toEqual({});
    const released = {
      ...base,
      released: {
        rubric: [],
        grade: {
          workId: 'w',
          scores: {},
          feedback: '',
          earned: 0,
          possible: 0,
          scored: false,
          releasedAt: 'x',
          updatedAt: null,
        },
        claims: [note('1', 'c1'), note('2', 'c1'), note('3', 'c2')],
      },
    };
    const out = notesByClaim(released);
    expect(out.c1!.map((n) => [n.id, n.private])).toEqual([
      ['1', false],
      ['2', false],
    ]);
    expect(out.c2).toHaveLength(1);
  });

  it('gives the teacher every note, marked private until released', () => {
    const teacher = {
      ...base,
      viewerRole: 'teacher' as const,
      teacher: { feedback: [note('1', 'c1')], releasedAt: null },
    };
    expect(notesByClaim(teacher).c1![0]!.private).toBe(true);
    expect(
      notesByClaim({ ...teacher, teacher: { ...teacher.teacher, releasedAt: 'x' } }).c1![0]!
        .private,
    ).toBe(false);
  });
});
