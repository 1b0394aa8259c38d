import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { EmailNotificationsForm } from '@/components/settings/email-notifications-form';
import { SignOutEverywhereForm } from '@/components/settings/sign-out-everywhere-form';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/actions/auth';
import { settingsQuery, type Query } from '@/lib/schemas/query';
import { accountSummary } from '@/lib/server/account-settings';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Account settings', robots: { index: false } };

const section = 'space-y-3 rounded-lg border border-stone-200 bg-white p-6 shadow-sm';

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/settings');
  const account = await withDb(accountSummary, user.id);
  // A new form after each change (its state from before must not linger).
  const { changed } = settingsQuery.parse(await searchParams);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold">Account settings</h1>
          <p className="text-sm break-words text-stone-600">
            {account.name} · {account.managed ? 'username' : 'email'}{' '}
            <span className="font-medium text-stone-800">{account.signsInWith}</span> ·{' '}
            {account.teacher ? 'teacher account' : 'student account'}
          </p>
        </div>
        {/* On a phone the site header leaves Sign out to this page (its Account link). */}
        <form action={signOutAction} className="shrink-0 lg:hidden">
          <Button type="submit" className="whitespace-nowrap">
            Sign out
          </Button>
        </form>
      </div>
      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="text-sm text-stone-600">
          Changing it signs out your other devices and browsers; this one stays signed in.
        </p>
        <ChangePasswordForm
          username={account.signsInWith}
          key={changed ?? 'form'}
          changed={changed !== null}
        />
      </section>
      {account.canEmail && (
        <section aria-labelledby="email-heading" className={section}>
          <h2 id="email-heading" className="text-lg font-semibold">
            Notifications by email
          </h2>
          <p className="text-sm text-stone-600">
            Replies to your comments, feedback released, suggestions answered, marks, assignments
            due soon, people joining your maps: each one is also emailed to you, with a link to it.
            Off unless you turn it on.
          </p>
          <EmailNotificationsForm on={account.emailNotifications} email={account.email} />
        </section>
      )}
      <section aria-labelledby="everywhere-heading" className={section}>
        <h2 id="everywhere-heading" className="text-lg font-semibold">
          Sign out everywhere
        </h2>
        <p className="text-sm text-stone-600">
          Ends every session of this account, on every device, this one included. Open pages stop at
          once. Use it if you signed in on a shared computer and forgot to sign out.
        </p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
