import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">Not found</h1>
      <p className="mt-2 text-stone-700">
        There is nothing here, or it belongs to someone else. If a classmate shared a map with you,
        ask for its share link.
      </p>
      <div className="mt-4 flex gap-4">
        <Link href="/" className="font-medium underline">
          The debate
        </Link>
        <Link href="/maps" className="font-medium underline">
          My maps
        </Link>
      </div>
    </div>
  );
}
