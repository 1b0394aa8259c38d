import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { resetPasswordQuery, type Query } from '@/lib/schemas/query';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

export default async function Page({ searchParams }: { searchParams: Promise<Query> }) {
  const { token: value } = resetPasswordQuery.parse(await searchParams);
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Choose a new password</h1>
      {value ? (
        <ResetPasswordForm token={value} />
      ) : (
        <p className="text-stone-700">
          This link is incomplete. Open the whole link from your email, or{' '}
          <Link href="/forgot-password" className="font-medium underline">
            ask for a new one
          </Link>
          .
        </p>
      )}
    </div>
  );
}
