import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** "Sign in" and "Create an account", each coming back to `back` (a path of this app) after. */
export function SignInLinks({ back }: { back: string }) {
  const next = encodeURIComponent(back);
  const linkClass = buttonClass({ text: 'inherit' });
  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/sign-in?next=${next}`} className={linkClass}>
        Sign in
      </Link>
      <Link href={`/sign-up?next=${next}`} className={linkClass}>
        Create an account
      </Link>
    </div>
  );
}
