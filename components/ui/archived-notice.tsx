import type { ReactNode } from 'react';
import { ARCHIVED_WORDS } from '@/lib/domain/classroom/archive';

/**
 * The banner on every page and map of an archived class: read-only until its teacher unarchives
 * it. `children`: what the reader can do about it (the teacher's Unarchive button or a link to
 * the class page).
 */
export function ArchivedNotice({
  children,
  compact = false,
}: {
  children?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div
      role="note"
      aria-label="Archived class"
      data-testid="archived-notice"
      className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-amber-400 bg-amber-50 text-amber-950 ${compact ? 'px-3 py-2 text-sm' : 'p-3 sm:p-4'}`}
    >
      <p className="min-w-0">
        <strong className="font-semibold">{ARCHIVED_WORDS}</strong>{' '}
        <span className="text-amber-900">
          Its assignments, maps, feedback and grades can be opened and read, not changed.
        </span>
      </p>
      {children}
    </div>
  );
}
