import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { SchoolSignIn } from '@/components/auth/school-sign-in';
import { schoolSignInMessage } from '@/lib/domain/school-sign-in';
import { signInQuery, type Query } from '@/lib/schemas/query';
import { schoolSignIn } from '@/lib/server/school-sign-in/config';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function Page({ searchParams }: { searchParams: Promise<Query> }) {
  const query = signInQuery.parse(await searchParams);
  const { next } = query;
  if (await getCurrentUser()) redirect(next);
  const school = schoolSignIn();
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Sign in</h1>
      {query.reset && (
        <p role="status" className="mb-4 rounded-md bg-pro-50 px-3 py-2 text-sm text-pro-800">
          Your password has been changed. Sign in with the new one.
        </p>
      )}
      {query.signedOut && (
        <p role="status" className="mb-4 rounded-md bg-pro-50 px-3 py-2 text-sm text-pro-800">
          You are signed out on every device.
        </p>
      )}
      {school && (
        <SchoolSignIn
          name={school.name}
          next={next}
          error={query.error ? schoolSignInMessage(school, query.error) : null}
        />
      )}
      <AuthForm mode="sign-in" next={next} />
    </div>
  );
}
