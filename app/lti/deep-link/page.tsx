import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DeepLinkPicker } from '@/components/lti/deep-link-picker';
import { deepLinkPicker } from '@/lib/server/lti/deep-link';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';
import { AppError } from '@/lib/errors';

export const metadata: Metadata = {
  title: 'Add Counterpoint to your course',
  robots: { index: false },
};

/** An instructor's deep linking launch lands here: choose what the LMS activity opens. */
export default async function DeepLinkPage(props: {
  searchParams: Promise<{ request?: string; error?: string }>;
}) {
  const { request = '', error } = await props.searchParams;
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  let picker;
  try {
    picker = await withDb(deepLinkPicker, { userId: user.id, token: request });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return (
      <div className="mx-auto max-w-2xl space-y-3">
        <h1 className="text-2xl font-bold">Add Counterpoint to your course</h1>
        <p role="alert">{e.message}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Add Counterpoint to your course</h1>
        <p className="text-stone-700">
          Choose what the new activity in your LMS opens. Students who open it land in their own
          work; their grades go to the LMS gradebook when you release them.
        </p>
      </div>
      <DeepLinkPicker
        request={request}
        className={picker.className}
        assignments={picker.assignments}
        debates={picker.debates}
        error={typeof error === 'string' ? error.slice(0, 300) : null}
      />
    </div>
  );
}
