'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  ClaimExtrasContext,
  LiveEventsContext,
  type ClaimExtraProps,
} from '@/components/map/claim-extras';
import type { VoteEvent } from '@/lib/schemas/live';
import type { LiveEvent } from '@/lib/sync/live-connection';
import { withVote, type VotesState } from './votes';
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

  // Others' votes arrive over the map's live stream as they are cast (each claim's new tally);
  // on every (re)connection, and when the server says some may have been missed, they are read
  // again, so nothing cast while the stream was down is lost.
  const onLiveEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === 'vote') {
        const { type: _type, ...vote } = event;
        setVotes((v) => (v ? withVote(v, vote) : v));
        return;
      }
      if (event.type !== 'open' && event.type !== 'votes') return;
      void fetch(`/api/maps/${encodeURIComponent(mapId)}/votes`, { cache: 'no-store' })
        .then(async (res) => {
          if (res.ok) setVotes((await res.json()) as VotesState);
        })
        .catch(() => {}); // offline: the next connection reads them again
    },
    [mapId],
  );

  const set = useCallback(
    async (claimId: string, impact: number | null): Promise<string | null> => {
      const res = await fetch(`/api/maps/${encodeURIComponent(mapId)}/votes`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claimId, impact }),
      });
      const body = (await res.json().catch(() => null)) as
        (Required<VoteEvent> & { message?: string }) | null;
      if (!res.ok || !body) return body?.message ?? 'Your rating could not be saved. Try again.';
      setVotes((v) => (v ? withVote(v, body) : v));
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
        <LiveEventsContext.Provider value={votingEnabled ? onLiveEvent : null}>
          {props.children}
        </LiveEventsContext.Provider>
      </ClaimExtrasContext.Provider>
    </ClassroomMapContext.Provider>
  );
}

/** What the class adds under each claim in the editor (components/map/claim-extras.tsx). */
const claimClassroom = (props: ClaimExtraProps) => <ClaimClassroom {...props} />;
