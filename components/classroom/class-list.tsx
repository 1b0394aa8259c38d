import Link from 'next/link';

/** A list of classes, each a link to its page. */
export function ClassList({
  label,
  classes,
  empty,
}: {
  label: string;
  classes: { id: string; name: string; detail: string }[];
  empty: string;
}) {
  if (classes.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
        {empty}
      </p>
    );
  }
  return (
    <ul
      aria-label={label}
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
    >
      {classes.map((c) => (
        <li key={c.id}>
          <Link
            href={`/classes/${encodeURIComponent(c.id)}`}
            className="block p-4 hover:bg-stone-50 focus-visible:bg-stone-50"
          >
            <span className="block font-semibold break-words text-stone-900 underline-offset-4 hover:underline">
              {c.name}
            </span>
            <span className="block text-sm text-stone-600">{c.detail}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
