import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** A teacher's classes on their home page, each a link, with a way to make another. */
export function MyClasses({
  classes,
}: {
  classes: { id: string; name: string; studentCount: number }[];
}) {
  return (
    <section aria-labelledby="my-classes" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="my-classes" className="text-xl font-bold">
          Your classes
        </h2>
        <span className="flex flex-wrap items-center gap-3 text-sm">
          {classes.length > 0 && (
            <Link href="/classes" className="font-medium underline underline-offset-4">
              All classes
            </Link>
          )}
          <Link href="/classes" className={buttonClass({ variant: 'primary' })}>
            New class
          </Link>
        </span>
      </div>
      {classes.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {classes.map((c) => (
            <li key={c.id}>
              <Link
                href={`/classes/${encodeURIComponent(c.id)}`}
                className="block rounded-md border border-stone-300 bg-white px-3 py-2 hover:bg-stone-100"
              >
                <span className="font-medium">{c.name}</span>{' '}
                <span className="text-sm text-stone-600">
                  ({c.studentCount} {c.studentCount === 1 ? 'student' : 'students'})
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
