import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function Page() {
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Forgot your password?</h1>
      <ForgotPasswordForm />
    </div>
  );
}
