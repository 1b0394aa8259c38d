import 'server-only';
import { accountOf } from './classroom/access';
import { hasClasses } from './classroom/classes';
import type { Tx } from './db';
import { bellCount } from './notification-list';
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

/** The site header's links for whoever is signed in (the root layout reads it). */
export async function siteNav(tx: Tx): Promise<SiteNavUser | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const [account, inClasses, unread] = await Promise.all([
    accountOf(tx, user.id),
    hasClasses(tx, user.id),
    bellCount(tx, user.id),
  ]);
  return {
    id: user.id,
    name: user.name,
    teacher: account.kind === 'teacher',
    inClasses,
    isAdmin: account.isAdmin,
    unread,
  };
}
