'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ClaimExtrasContext, type ClaimExtraProps } from '@/components/map/claim-extras';
import { addClaimFeedbackAction } from '@/lib/actions/grades';
import { ClaimClassroom } from './claim-classroom';

/**
 * What the map editor shows of a map's class on each claim: the teacher's feedback (released, for
 * students; all of it, for the teacher, marked private until released) and the impact votes.
 * Provided by the map page around the editor, which draws it under each claim through
 * ClaimExtrasContext; without it a claim shows neither.
 */

export interface ClaimNote {
  id: string;
  body: string;
  /** True for the teacher's own view of a note students cannot see yet. */
  private: boolean;
}

export interface VoteTally {
  average: number;
  count: number;
}

export interface VotesState {
  tallies: Record<string, VoteTally>;
  mine: Record<string, number>;
  canVote: boolean;
}

interface ClassroomMapValue {
  notes: Record<string, ClaimNote[]>;
  notesLabel: string;
  votes:
    | (VotesState & { set: (claimId: string, impact: number | null) => Promise<string | null> })
    | null;
  /** For the teacher: adds a note to a claim (null when the viewer may not). Returns an error. */
  addNote: ((claimId: string, body: string) => Promise<string | null>) | null;
  /** Where the teacher edits and deletes notes. */
  gradingHref: string | null;
}

const ClassroomMapContext = createContext<ClassroomMapValue | null>(null);

export function useClassroomMap() {
  return useContext(ClassroomMapContext);
}

export function ClassroomMapProvider(props: {
  mapId: string;
  notes: Record<string, ClaimNote[]>;
  /** "Teacher feedback" or "Your feedback". */
  notesLabel: string;
  /** The votes as the page read them; null: no voting on this map. */
  initialVotes: VotesState | null;
  /** For the teacher of an assignment's map: the work their notes go to. */
  teacherWork: { workId: string; released: boolean; gradingHref: string } | null;
  children: ReactNode;
}) {
  const { mapId, teacherWork } = props;
  const [notes, setNotes] = useState(props.notes);
  const votingEnabled = props.initialVotes !== null;
  const [votes, setVotes] = useState<VotesState | null>(props.initialVotes);

  useEffect(() => {
    if (!votingEnabled) return;
    // Others' votes arrive when this tab comes back into view (votes have no live stream),
    const onVisible = async () => {
      if (document.visibilityState !== 'visible') return;
      const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/votes`, {
        cache: 'no-store',
      });
      if (res.ok) setVotes((await res.json()) as VotesState);
    };
    document.addEventListener('visibilitychange', onVisible);
    // And every half minute while it is in view: classmates' votes without a reload.
    const timer = setInterval(() => void onVisible(), 30_000);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [votingEnabled, mapId]);

  const set = useCallback(
    async (claimId: string, impact: number | null): Promise<string | null> => {
      const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/votes`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claimId, impact }),
      });
      const body = (await res.json().catch(() => null)) as {
        claimId: string;
        tally: VoteTally;
        mine: number | null;
        message?: string;
      } | null;
      if (!res.ok || !body) return body?.message ?? 'Your rating could not be saved. Try again.';
      setVotes((v) => {
        if (!v) return v;
        const mine = { ...v.mine };
        if (body.mine === null) delete mine[claimId];
        else mine[claimId] = body.mine;
        const tallies = { ...v.tallies };
        if (body.tally.count === 0) delete tallies[claimId];
        else tallies[claimId] = body.tally;
        return { ...v, mine, tallies };
      });
      return null;
    },
    [mapId],
  );

  const addNote = useCallback(
    async (claimId: string, body: string): Promise<string | null> => {
      if (!teacherWork) return 'Only the teacher of this class can leave feedback.';
      const result = await addClaimFeedbackAction({ workId: teacherWork.workId, claimId, body });
      if (!result.ok) return result.message;
      const note = { id: result.data.id, body: result.data.body, private: !teacherWork.released };
      setNotes((n) => ({ ...n, [claimId]: [...(n[claimId] ?? []), note] }));
      return null;
    },
    [teacherWork],
  );

  const value = useMemo<ClassroomMapValue>(
    () => ({
      notes,
      notesLabel: props.notesLabel,
      votes: votingEnabled && votes ? { ...votes, set } : null,
      addNote: teacherWork ? addNote : null,
      gradingHref: teacherWork?.gradingHref ?? null,
    }),
    [notes, props.notesLabel, votingEnabled, votes, set, teacherWork, addNote],
  );
  return (
    <ClassroomMapContext.Provider value={value}>
      <ClaimExtrasContext.Provider value={claimClassroom}>
        {props.children}
      </ClaimExtrasContext.Provider>
    </ClassroomMapContext.Provider>
  );
}

/** What the class adds under each claim in the editor (components/map/claim-extras.tsx). */
const claimClassroom = (props: ClaimExtraProps) => <ClaimClassroom {...props} />;
