import Link from 'next/link';
import type { MapAssignmentContext } from '@/lib/domain/classroom/views';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { When } from '@/components/ui/zone';

/**
 * Above the editor of an assignment's map: what the assignment asks (side, team, due date,
 * instructions) and, for a student, the released grade and overall feedback; for the teacher,
 * whether the work's feedback is released and a link to grade it.
 */
export function AssignmentBanner({ ctx }: { ctx: MapAssignmentContext }) {
  const released = ctx.released;
  const claimsWithNotes = new Set(released?.claims.map((c) => c.claimId)).size;
  return (
    <section
      aria-labelledby="assignment-banner-title"
      className="mb-4 space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-stone-900 sm:p-4"
      data-testid="assignment-banner"
      data-assignment-banner
    >
      {ctx.archived && (
        <ArchivedNotice compact>
          {ctx.viewerRole === 'teacher' && (
            <Link
              href={`/classes/${encodeURIComponent(ctx.classId)}`}
              className="font-medium underline underline-offset-2"
            >
              Unarchive from the class page
            </Link>
          )}
        </ArchivedNotice>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="assignment-banner-title" className="text-base font-semibold">
          <span className="font-normal text-stone-700">Assignment: </span>
          {ctx.title}
        </h2>
        <p className="text-stone-700">{ctx.className}</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 sm:gap-x-6">
        <dt className="font-medium text-stone-700">Argue for</dt>
        <dd>
          {ctx.sideLabels.length === 1
            ? ctx.sideLabels[0]
            : `Both theses: ${ctx.sideLabels.join(' / ')}`}
        </dd>
        {ctx.teamName && (
          <>
            <dt className="font-medium text-stone-700">Team</dt>
            <dd>{ctx.teamName}</dd>
          </>
        )}
        {ctx.mode === 'class' && (
          <>
            <dt className="font-medium text-stone-700">Map</dt>
            <dd>The whole class builds this map together.</dd>
          </>
        )}
        <dt className="font-medium text-stone-700">Due</dt>
        <dd>{ctx.dueAt ? <When iso={ctx.dueAt} /> : 'No due date'}</dd>
        {ctx.anonymous && (
          <>
            <dt className="font-medium text-stone-700">Names</dt>
            <dd>
              {ctx.viewerRole === 'teacher'
                ? 'Anonymous: students see each other under pseudonyms; you see names.'
                : 'Anonymous: classmates appear under pseudonyms.'}
            </dd>
          </>
        )}
      </dl>
      {ctx.instructions.trim() && (
        <details>
          <summary className="cursor-pointer font-medium">Instructions</summary>
          <p className="mt-1 whitespace-pre-wrap">{ctx.instructions}</p>
        </details>
      )}
      {ctx.viewerRole === 'teacher' && ctx.teacher && (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            {ctx.teacher.releasedAt ? (
              <>
                Feedback released on <When iso={ctx.teacher.releasedAt} />.
              </>
            ) : (
              'Your feedback is private: students cannot see it yet.'
            )}
          </span>
          <Link
            href={`/assignments/${ctx.assignmentId}/work/${ctx.workId}`}
            className="font-medium underline underline-offset-2"
          >
            Grade this work
          </Link>
        </p>
      )}
      {released && (
        <div
          className="rounded-md border border-amber-400 bg-amber-50 p-3"
          data-testid="released-grade"
        >
          <h3 className="font-semibold">
            Your teacher’s feedback
            {released.grade.scored && `: ${released.grade.earned} / ${released.grade.possible}`}
          </h3>
          {released.grade.scored && (
            <ul className="mt-1 flex flex-wrap gap-x-4 text-stone-800">
              {released.rubric.map((c) => (
                <li key={c.id}>
                  {c.label}: {released.grade.scores[c.id] ?? '–'} / {c.points}
                </li>
              ))}
            </ul>
          )}
          {released.grade.feedback && (
            <p className="mt-2 whitespace-pre-wrap">{released.grade.feedback}</p>
          )}
          {released.claims.length > 0 && (
            <p className="mt-1 text-stone-700">
              Your teacher also left notes on {claimsWithNotes}{' '}
              {claimsWithNotes === 1 ? 'claim' : 'claims'}: look for “Teacher feedback” under{' '}
              {claimsWithNotes === 1 ? 'it' : 'them'}.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
