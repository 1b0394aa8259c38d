import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import {
  PlatformForm,
  RegistrationLinkButton,
  RemovePlatformButton,
  RotateKeysButton,
} from '@/components/lti/lti-admin-actions';
import { CopyButton } from '@/components/ui/copy-button';
import { When } from '@/components/ui/zone';
import { unlessMissing } from '@/lib/errors';
import { ltiAdminPage } from '@/lib/server/lti/admin';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'LMS (LTI 1.3)', robots: { index: false } };

const section = 'space-y-3 rounded-lg border border-stone-200 bg-white p-4';

/** The admin's LMS settings: the tool's addresses, registered LMSs, registration links, keys. */
export default async function LtiAdminPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/admin/lti');
  const page = await unlessMissing(withDb(ltiAdminPage, { userId: user.id }));
  if (!page) notFound();
  const urls: [string, string, string][] = [
    ['Login initiation URL (OIDC login)', page.urls.login, 'login'],
    ['Launch / redirect URL (also the target link URI)', page.urls.launch, 'launch'],
    ['Deep linking URL', page.urls.deepLinking, 'deep linking'],
    ['Public keyset URL (JWKS)', page.urls.jwks, 'keyset'],
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div>
        <p className="text-sm">
          <Link href="/admin" className="underline">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-bold">LMS (LTI 1.3)</h1>
        <p className="text-sm text-stone-600">
          Connect Moodle, Canvas, Blackboard or any LTI 1.3 LMS: instructors and learners open
          Counterpoint from their courses signed in, courses become classes, rosters and grades
          flow. The README’s “Connecting your school” says what goes where in each LMS.
        </p>
      </div>

      <section className={section} aria-labelledby="dynamic">
        <h2 id="dynamic" className="text-lg font-semibold">
          Register by dynamic registration (Moodle, Canvas)
        </h2>
        <p className="text-sm text-stone-700">
          Make a link and paste it into the LMS as the tool’s registration URL. The LMS opens it,
          Counterpoint registers itself, and the LMS lists it here.
        </p>
        <RegistrationLinkButton />
        {page.links.length > 0 && (
          <ul className="space-y-1 text-sm text-stone-600">
            {page.links.map((l) => (
              <li key={l.url}>
                <code className="break-all">{l.url}</code> —{' '}
                {l.usedAt ? (
                  <>
                    used <When iso={l.usedAt} />
                  </>
                ) : (
                  <>
                    valid until <When iso={l.expiresAt} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={section} aria-labelledby="urls">
        <h2 id="urls" className="text-lg font-semibold">
          Counterpoint’s addresses, to register it by hand
        </h2>
        <dl className="space-y-2 text-sm">
          {urls.map(([label, url, name]) => (
            <div key={label}>
              <dt className="font-medium">{label}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <code className="break-all">{url}</code>
                <CopyButton text={url} label={`Copy ${name} URL`} />
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className={section} aria-labelledby="platforms">
        <h2 id="platforms" className="text-lg font-semibold">
          Registered LMSs
        </h2>
        {page.platforms.length === 0 ? (
          <p className="text-sm text-stone-600">None yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {page.platforms.map((p) => (
              <li key={p.id} className="space-y-1 py-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold">{p.name || p.issuer}</p>
                  <RemovePlatformButton platformId={p.id} name={p.name || p.issuer} />
                </div>
                <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
                  <dt className="text-stone-600">Issuer</dt>
                  <dd className="break-all">{p.issuer}</dd>
                  <dt className="text-stone-600">Client ID</dt>
                  <dd className="break-all">{p.clientId}</dd>
                  <dt className="text-stone-600">Deployments</dt>
                  <dd className="break-all">
                    {p.deploymentIds.join(', ') || 'the first launch’s (none given yet)'}
                  </dd>
                  <dt className="text-stone-600">Courses</dt>
                  <dd>{p.courses}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      {page.undelivered.length > 0 && (
        <section className={section} aria-labelledby="undelivered">
          <h2 id="undelivered" className="text-lg font-semibold">
            Grades the LMS has not taken
          </h2>
          <p className="text-sm text-stone-700">
            Released grades are sent again with a growing wait (for about five hours) before they
            are given up. What the LMS answered last:
          </p>
          <ul className="space-y-1 text-sm">
            {page.undelivered.map((m) => (
              <li key={m.id}>
                <When iso={m.at} /> — {m.failed ? 'given up' : `tried ${m.attempts} times`}:{' '}
                <span className="break-words text-stone-700">{m.lastError}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={section} aria-labelledby="by-hand">
        <h2 id="by-hand" className="text-lg font-semibold">
          Register an LMS by hand (Blackboard)
        </h2>
        <p className="text-sm text-stone-700">
          Enter what the LMS shows once Counterpoint’s addresses above are entered there. Saving
          again with the same issuer and client ID updates it and adds deployment IDs.
        </p>
        <PlatformForm />
      </section>

      <section className={section} aria-labelledby="keys">
        <h2 id="keys" className="text-lg font-semibold">
          Counterpoint’s keys
        </h2>
        <p className="text-sm text-stone-700">
          The newest key signs; a retired key stays in the keyset for a day, so an LMS that read the
          keyset before still checks what it signed.
        </p>
        {page.keys.length === 0 && (
          <p className="text-sm text-stone-600">None yet: one is made when first needed.</p>
        )}
        <ul className="space-y-1 text-sm">
          {page.keys.map((k) => (
            <li key={k.kid}>
              <code>{k.kid}</code> — made <When iso={k.createdAt} />
              {k.retiredAt ? (
                <>
                  , retired <When iso={k.retiredAt} />
                </>
              ) : (
                ' (signs now)'
              )}
            </li>
          ))}
        </ul>
        <RotateKeysButton />
      </section>
    </div>
  );
}
