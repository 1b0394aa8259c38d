import { can, type Capability, type Role } from '@/lib/domain/capabilities';
import { archivedMapAllows } from '@/lib/domain/classroom/archive';

/** Who has the editor open, as the page was rendered for them. */
export interface Who {
  me: { id: string; name: string } | null;
  role: Role | null;
  /** A view link's token, on its read-only page. */
  link?: string | null;
  /**
   * The map's class is archived: whatever the role, only reading (lib/domain/classroom/archive.ts;
   * the server refuses the rest, this keeps it from being offered).
   */
  archived?: boolean;
  /** What the page was rendered for (lib/domain/page-standing.ts), sent when the stream opens. */
  seen?: string | null;
}

/**
 * What the editor offers this person: their role's capabilities (lib/domain/capabilities.ts), and
 * in an archived class only what archive.ts allows. The server checks every write again.
 */
export function editorAccess(who: Who) {
  const may = (c: Capability) => can(who.role, c) && (!who.archived || archivedMapAllows(c));
  const signedIn = who.me !== null;
  const canEdit = may('map.edit');
  return {
    may,
    canEdit,
    canComment: may('comment.write'),
    /** Decides suggestions: sees every one, accepts, answers, declines (suggestion.review). */
    canReview: signedIn && may('suggestion.review'),
    /**
     * Offered "Suggest a reply": signed in, with claim.suggest but not map.edit (an editor adds
     * the claim instead).
     */
    canSuggest: signedIn && !canEdit && may('claim.suggest'),
  };
}
