import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AssignmentBanner } from '@/components/classroom-map/assignment-banner';
import { ClassroomMapProvider } from '@/components/classroom-map/classroom-map-context';
import { notesByClaim } from '@/components/classroom-map/notes';
import { MapEditor } from '@/components/map-editor/map-editor';
import { unlessMissing } from '@/lib/errors';
import { editorQuery, type Query } from '@/lib/schemas/query';
import { getMapPage } from '@/lib/server/map-page';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Map editor' };

export default async function EditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ mapId: string }>;
  searchParams: Promise<Query>;
}) {
  const { mapId } = await params;
  const query = editorQuery.safeParse(await searchParams);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/maps/${encodeURIComponent(mapId)}`);
  // Someone else's map looks the same as a missing one: its existence is not revealed.
  const data = await unlessMissing(withDb(getMapPage, { userId: user.id, mapId }));
  if (!data) notFound();
  // An assignment's map: its banner, the teacher's claim feedback, and class impact votes (on a
  // whole-class map or any map shared with members); the open marks for review (null for readers
  // who may not see them); the owner's view link.
  const { map, role, archived, selfId, assignment, marks, votes, link, seen } = data;
  return (
    <>
      {assignment && <AssignmentBanner ctx={assignment} />}
      <ClassroomMapProvider
        mapId={mapId}
        notes={notesByClaim(assignment)}
        notesLabel={assignment?.viewerRole === 'teacher' ? 'Your feedback' : 'Teacher feedback'}
        initialVotes={votes}
        teacherWork={
          // In an archived class the teacher's feedback is read-only too.
          assignment?.teacher && !assignment.archived
            ? {
                workId: assignment.workId,
                released: assignment.teacher.releasedAt !== null,
                gradingHref: `/assignments/${assignment.assignmentId}/work/${assignment.workId}`,
              }
            : null
        }
      >
        <MapEditor
          map={map}
          role={role}
          archived={archived}
          seen={seen}
          me={{ id: selfId, name: user.name }}
          basePath={`/maps/${mapId}`}
          share={link}
          marks={marks}
          focusClaimId={query.success ? (query.data.claim ?? null) : null}
          author={query.success ? query.data.author : undefined}
        />
      </ClassroomMapProvider>
    </>
  );
}
