import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { signUpQuery, type Query } from '@/lib/schemas/query';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Create your account' };

export default async function Page({ searchParams }: { searchParams: Promise<Query> }) {
  const { next } = signUpQuery.parse(await searchParams);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Create your account</h1>
      <AuthForm mode="sign-up" next={next} />
    </div>
  );
}
