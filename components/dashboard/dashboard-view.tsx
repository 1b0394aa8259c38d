'use client';

import type { DashboardRow, StatsThesis } from '@/lib/domain/classroom/dashboard-stats';
import { AutoRefresh, useClock } from './auto-refresh';
import { DashboardTable } from './dashboard-table';
import { buttonClass } from '@/components/ui/button';

/** The live part of the dashboard: the refresh status, the CSV link and the table. */
export function DashboardView({
  assignmentId,
  theses,
  rows,
  readAt,
}: {
  assignmentId: string;
  theses: StatsThesis[];
  rows: DashboardRow[];
  readAt: string;
}) {
  const now = useClock(readAt);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <AutoRefresh readAt={readAt} now={now} />
        <a
          href={`/api/assignments/${assignmentId}/dashboard.csv`}
          download
          className={buttonClass()}
        >
          Download CSV
        </a>
      </div>
      <DashboardTable assignmentId={assignmentId} theses={theses} rows={rows} now={now} />
    </div>
  );
}
