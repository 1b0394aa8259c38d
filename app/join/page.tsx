import type { Metadata } from 'next';
import { JoinCodeForm } from '@/components/classroom/join-code-form';

export const metadata: Metadata = { title: 'Join a class' };

export default function JoinPage() {
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-bold">Join a class</h1>
      <p className="mb-4 text-stone-700">Type the code your teacher gave you.</p>
      <JoinCodeForm />
    </div>
  );
}
