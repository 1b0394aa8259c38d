'use client';

import type { PersonContribution } from '@/lib/domain/classroom/contributions';
import type { DashboardRow, StatsThesis } from '@/lib/domain/classroom/dashboard-stats';
import { AutoRefresh, useClock } from './auto-refresh';
import { ContributionTable } from './contribution-table';
import { DashboardTable } from './dashboard-table';
import { buttonClass } from '@/components/ui/button';

/** The live part of the dashboard: the refresh status, the CSV link, the table, who did what. */
export function DashboardView({
  assignmentId,
  theses,
  rows,
  readAt,
  mode,
  people,
}: {
  assignmentId: string;
  theses: StatsThesis[];
  rows: DashboardRow[];
  readAt: string;
  /** The assignment's mode: who-did-what is grouped by work except for individual maps. */
  mode: string;
  people: Record<string, PersonContribution[]>;
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
      <ContributionTable mode={mode} rows={rows} people={people} now={now} />
    </div>
  );
}
