import Link from 'next/link';
import type { ReactNode } from 'react';

const linkClass = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';

/** The links across the top of an assignment's teacher pages (dashboard, rubric, grading...). */
export function AssignmentNav({ links }: { links: [href: string, label: ReactNode][] }) {
  return (
    <nav aria-label="Assignment" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {links.map(([href, label]) => (
        <Link key={href} className={linkClass} href={href}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
