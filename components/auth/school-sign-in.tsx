import { buttonClass } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-parts';

/**
 * "Sign in with <school>" above the email form, with "or" between them. A plain link, not a
 * <Link>: it must never be prefetched (it starts a sign-in), and it leaves the app for the
 * school's sign-in page. A refusal that came back from there is said above it.
 */
export function SchoolSignIn({
  name,
  next,
  error,
}: {
  name: string;
  next: string;
  error?: string | null;
}) {
  const href = `/sign-in/school${next !== '/start' ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <div className="mb-5 space-y-4">
      {error && <FormAlert>{error}</FormAlert>}
      <a
        href={href}
        className={`${buttonClass({ variant: 'secondary', size: 'lg', text: 'inherit' })} w-full`}
      >
        Sign in with {name}
      </a>
      <p className="flex items-center gap-3 text-sm text-stone-600" aria-hidden="true">
        <span className="h-px flex-1 bg-stone-300" />
        or
        <span className="h-px flex-1 bg-stone-300" />
      </p>
    </div>
  );
}
