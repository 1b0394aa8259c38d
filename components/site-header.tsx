import Link from 'next/link';
import { signOutAction } from '@/lib/actions/auth';
import { Button, buttonClass } from '@/components/ui/button';
import { NotificationBell } from '@/components/notifications/notification-bell';

const navLink = 'font-medium text-stone-700 underline-offset-4 hover:underline';

/** The site's header; `user` is who is signed in (lib/server/site-nav.ts), null for no one. */
export function SiteHeader({
  user,
}: {
  user: {
    id: string;
    name: string;
    teacher: boolean;
    inClasses: boolean;
    isAdmin: boolean;
    unread: number;
  } | null;
}) {
  return (
    <header
      data-site-header
      // Stays at the top on a wide screen; on a phone, where it takes two or three rows, it
      // scrolls away with the page and leaves the screen to the map.
      className="z-30 border-b border-stone-200 bg-white/95 backdrop-blur lg:sticky lg:top-0 print:hidden"
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
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
          {user ? (
            <>
              <Link href="/maps" className={navLink}>
                My maps
              </Link>
              {user.teacher || user.inClasses ? (
                <Link href="/classes" className={navLink}>
                  Classes
                </Link>
              ) : (
                <Link href="/join" className={navLink}>
                  Join a class
                </Link>
              )}
              {user.teacher && (
                <Link href="/debates" className={navLink}>
                  Debates
                </Link>
              )}
              {user.isAdmin && (
                <Link href="/admin" className={navLink}>
                  Admin
                </Link>
              )}
              <NotificationBell userKey={user.id} initialUnread={user.unread} />
              <Link href="/settings" className={navLink} data-account-menu>
                <span className="lg:hidden">Account</span>
                {/* Cut short, so that the header keeps to one row (app/globals.css). */}
                <span
                  title={user.name}
                  className="hidden max-w-56 truncate align-bottom lg:inline-block"
                >
                  {user.name}
                </span>
                <span className="sr-only">: settings</span>
              </Link>
              {/* On a phone, on the Account page (app/settings): the header keeps to two rows. */}
              <form action={signOutAction} className="max-lg:hidden">
                <Button type="submit">Sign out</Button>
              </form>
            </>
          ) : (
            <>
              <Link href="/join" className={navLink}>
                Join a class
              </Link>
              <Link href="/sign-in" className={navLink}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonClass({ variant: 'primary' })}>
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
