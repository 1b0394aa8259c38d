import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AccountTable } from '@/components/admin/account-table';
import { AccountSearch } from '@/components/admin/account-search';
import { DeliveryList } from '@/components/admin/delivery-list';
import { ResetLog } from '@/components/admin/reset-log';
import { unlessMissing } from '@/lib/errors';
import { adminQuery, type Query } from '@/lib/schemas/query';
import { listAccounts } from '@/lib/server/classroom/accounts';
import { listDeliveries } from '@/lib/server/deliveries';
import { listPasswordResets } from '@/lib/server/password-resets';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Admin', robots: { index: false } };

/** The server's admin: every account, and who is a teacher. Anyone else: not found. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/admin');
  const { q: query } = adminQuery.parse(await searchParams);
  const result = await unlessMissing(withDb(listAccounts, { userId: user.id, query }));
  if (!result) notFound();
  const [resets, deliveries] = await Promise.all([
    withDb(listPasswordResets, { userId: user.id }),
    withDb(listDeliveries, { userId: user.id }),
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Admin</h1>
        <p className="text-sm text-stone-600">
          Teachers create classes, debates and assignments. Make an account a teacher here, or a
          student again. You may reset anyone’s password; teachers only those of the accounts they
          made for their classes. Every reset is listed below.
        </p>
        <p className="text-sm">
          <Link href="/admin/lti" className="underline">
            LMS (LTI 1.3): connect Moodle, Canvas, Blackboard
          </Link>
        </p>
      </div>
      <AccountSearch query={query} />
      <AccountTable rows={result.rows} currentUserId={user.id} />
      {result.more && (
        <p className="text-sm text-stone-600">
          Showing the newest {result.rows.length}. Search to find others.
        </p>
      )}
      <ResetLog rows={resets} />
      <DeliveryList rows={deliveries.rows} mail={deliveries.mail} />
    </div>
  );
}
