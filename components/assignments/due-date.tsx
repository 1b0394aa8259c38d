import { When } from '@/components/ui/zone';

const DAY = 24 * 60 * 60 * 1000;

/** "due in 3 days", "due today", "overdue by 2 days": how far off a due date is from `now`. */
export function dueLabel(dueAt: string, now = Date.now()): string {
  const diff = Date.parse(dueAt) - now;
  const days = Math.round(Math.abs(diff) / DAY);
  if (diff < 0) return days < 1 ? 'overdue' : `overdue by ${days} ${days === 1 ? 'day' : 'days'}`;
  if (diff < DAY) return 'due within a day';
  return `due in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Whether a due date has passed (read at render: pages showing it are rendered per request). */
export function isOverdue(dueAt: string, now = Date.now()): boolean {
  return Date.parse(dueAt) < now;
}

/** A due date with how far off it is (or "No due date"). */
export function DueDate({ dueAt }: { dueAt: string | null }) {
  if (!dueAt) return <span className="text-stone-600">No due date</span>;
  const overdue = isOverdue(dueAt);
  return (
    <span>
      Due <When iso={dueAt} />{' '}
      <span className={overdue ? 'font-medium text-con-800' : 'text-stone-600'}>
        ({dueLabel(dueAt)})
      </span>
    </span>
  );
}
