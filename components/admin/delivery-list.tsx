'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { When } from '@/components/ui/zone';
import { sendAgainAction } from '@/lib/actions/deliveries';
import type { DeliveryView, MailSetup } from '@/lib/domain/outbox';

/**
 * The admin page's outbox: how mail leaves this server, and every delivery (email, a grade for
 * the LMS) not sent yet, waiting for its next try or given up, with its last error and "Send
 * again" (which tries it now and says what happened).
 */
export function DeliveryList({ rows, mail }: { rows: DeliveryView[]; mail: MailSetup }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);

  async function sendAgain(row: DeliveryView) {
    setBusy(row.id);
    const r = await sendAgainAction({ id: row.id });
    setBusy(null);
    if (!r.ok) setSaid({ text: r.message, failed: true });
    else if (r.data.sent) setSaid({ text: `Sent: ${row.about} (to ${row.to}).`, failed: false });
    else
      setSaid({
        text: `Not sent: ${r.data.error ?? 'it is being sent by another server right now'}. It will be tried again.`,
        failed: true,
      });
    router.refresh();
  }

  return (
    <section aria-labelledby="deliveries-heading" className="space-y-2">
      <h2 id="deliveries-heading" className="text-lg font-semibold">
        Email and deliveries
      </h2>
      <p className="text-sm text-stone-600">
        {mail.server ? (
          <>
            Mail is sent through <span className="font-medium text-stone-800">{mail.server}</span>{' '}
            from <span className="font-medium wrap-anywhere text-stone-800">{mail.from}</span>.
          </>
        ) : (
          <>
            This server sends no email (SMTP_URL is not set): messages are written to its console.
            Make reset links for people with “Reset password” above.
          </>
        )}{' '}
        A delivery that fails is tried again, less and less often, for about five hours.
      </p>
      <div aria-live="polite">
        {said && (
          <p
            role={said.failed ? 'alert' : 'status'}
            className={`rounded-md px-3 py-2 text-sm ${said.failed ? 'border border-con-600 bg-con-50 text-con-800' : 'bg-pro-50 text-pro-800'}`}
          >
            {said.text}
          </p>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">Everything has been sent.</p>
      ) : (
        <ul
          aria-label="Deliveries not sent"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm"
        >
          {rows.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start">
              <div className="min-w-0 flex-1 space-y-1">
                <p>
                  <span className="font-medium">{r.what}</span>{' '}
                  <span className="wrap-anywhere text-stone-700">to {r.to || '(nobody)'}</span>
                  {r.about && <span className="text-stone-700">: {r.about}</span>}
                </p>
                <p className="text-stone-600">
                  {r.state === 'failed' ? (
                    <span className="font-medium text-con-800">Given up</span>
                  ) : (
                    'Waiting, next try'
                  )}{' '}
                  <time dateTime={r.at}>
                    <When iso={r.at} />
                  </time>{' '}
                  · {r.attempts} {r.attempts === 1 ? 'try' : 'tries'} · made{' '}
                  <time dateTime={r.createdAt}>
                    <When iso={r.createdAt} />
                  </time>
                </p>
                {r.lastError && (
                  <p className="break-words text-stone-700">
                    Last error: <span className="font-mono text-xs">{r.lastError}</span>
                  </p>
                )}
              </div>
              <Button
                size="sm"
                disabled={busy !== null}
                onClick={() => void sendAgain(r)}
                className="self-start"
              >
                {busy === r.id ? 'Sending…' : 'Send again'}
                <span className="sr-only">
                  {' '}
                  ({r.what} to {r.to})
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
