'use client';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-con-600 bg-con-50 p-6">
      <h1 className="text-xl font-bold text-con-800">Something went wrong on our side</h1>
      <p className="mt-2 text-stone-800">
        Your saved work is safe. Try again; if it keeps happening, reload the page.
      </p>
      <Button type="button" onClick={reset} variant="primary" className="mt-4">
        Try again
      </Button>
    </div>
  );
}
