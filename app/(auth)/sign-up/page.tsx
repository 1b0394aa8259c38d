import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { SchoolSignIn } from '@/components/auth/school-sign-in';
import { signUpQuery, type Query } from '@/lib/schemas/query';
import { schoolSignIn } from '@/lib/server/school-sign-in/config';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Create your account' };

export default async function Page({ searchParams }: { searchParams: Promise<Query> }) {
  const { next } = signUpQuery.parse(await searchParams);
  if (await getCurrentUser()) redirect(next);
  const school = schoolSignIn();
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Create your account</h1>
      {school && <SchoolSignIn name={school.name} next={next} />}
      <AuthForm mode="sign-up" next={next} />
    </div>
  );
}
