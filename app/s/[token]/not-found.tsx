import Link from 'next/link';

/** A share link that was revoked, never existed, or was copied incompletely. */
export default function SharedMapNotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">This link does not work</h1>
      <p className="mt-2 text-stone-700">
        The owner may have stopped sharing the map, or the link was copied incompletely. Ask them
        for a new link.
      </p>
      <Link href="/" className="mt-4 inline-block font-medium underline">
        Go to the debate
      </Link>
    </div>
  );
}
