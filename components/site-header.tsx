import Link from 'next/link';
import { signOutAction } from '@/lib/actions/auth';
import { getCurrentUser } from '@/lib/server/session';

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header
      data-site-header
      className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur"
    >
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6"
      >
        <Link
          href="/"
          className="flex items-center gap-2 text-lg font-bold tracking-tight text-stone-900"
        >
          <span
            aria-hidden="true"
            className="grid h-7 w-7 place-items-center rounded bg-stone-900 text-sm text-white"
          >
            ⇄
          </span>
          Counterpoint
        </Link>
        <div className="flex items-center gap-3 text-sm">
          {user ? (
            <>
              <Link
                href="/maps"
                className="font-medium text-stone-700 underline-offset-4 hover:underline"
              >
                My maps
              </Link>
              <span className="hidden text-stone-600 sm:inline" title={user.email}>
                {user.name}
              </span>
              <form action={signOutAction}>
                <button className="rounded-md border border-stone-300 px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link
                href="/sign-in"
                className="font-medium text-stone-700 underline-offset-4 hover:underline"
              >
                Sign in
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white hover:bg-stone-700"
              >
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
