import type { MapAssignmentContext } from '@/lib/domain/classroom/views';
import type { ClaimNote } from './classroom-map-context';

/** The claim notes the viewer may see, by claim: released ones for a student, all for the teacher. */
export function notesByClaim(ctx: MapAssignmentContext | null): Record<string, ClaimNote[]> {
  const out: Record<string, ClaimNote[]> = {};
  if (!ctx) return out;
  const add = (claimId: string, note: ClaimNote) => (out[claimId] ??= []).push(note);
  if (ctx.teacher) {
    const isPrivate = ctx.teacher.releasedAt == null;
    for (const f of ctx.teacher.feedback)
      add(f.claimId, { id: f.id, body: f.body, private: isPrivate });
  } else if (ctx.released) {
    for (const f of ctx.released.claims) add(f.claimId, { id: f.id, body: f.body, private: false });
  }
  return out;
}
