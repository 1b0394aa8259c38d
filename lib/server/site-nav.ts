import 'server-only';
import type { Tx } from './db';
import { headerBellCount } from './notification-list';
import { getCurrentUser } from './session';

/** What the site header shows of the person signed in; null when no one is. */
export interface SiteNavUser {
  /** Their account id (the bell's tabs share one stream per person). */
  id: string;
  name: string;
  teacher: boolean;
  /** Teaches a class or is in one: the header links to Classes rather than Join a class. */
  inClasses: boolean;
  isAdmin: boolean;
  /** Unread notifications: the bell's number when the page was made (it follows live after). */
  unread: number;
}

/**
 * The site header's links for whoever is signed in (the root layout reads it, for every page):
 * their account and whether they are in a class in one statement, then the bell.
 */
export async function siteNav(tx: Tx): Promise<SiteNavUser | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const [[account], unread] = await Promise.all([
    tx.$queryRaw<{ accountKind: string; isAdmin: unknown; inClasses: unknown }[]>`
      SELECT u."accountKind", u."isAdmin",
        (EXISTS (SELECT 1 FROM "classroom" c WHERE c."teacherId" = u."id")
          OR EXISTS (SELECT 1 FROM "class_member" cm WHERE cm."userId" = u."id")) AS "inClasses"
      FROM "user" u WHERE u."id" = ${user.id}`,
    headerBellCount(tx, user.id),
  ]);
  return {
    id: user.id,
    name: user.name,
    teacher: account?.accountKind === 'teacher',
    // SQLite answers 0 or 1, PostgreSQL a boolean.
    inClasses: Boolean(account?.inClasses),
    isAdmin: Boolean(account?.isAdmin),
    unread,
  };
}
