import { When } from '@/components/ui/zone';
import type { ResetRow } from '@/lib/domain/classroom/views';

const how: Record<ResetRow['method'], string> = {
  'new-password': 'gave a new password to',
  link: 'made a reset link for',
  'link-used': 'chose a new password with a reset link:',
};

/** Every password reset, newest first: who, whose, how and when (admin page). */
export function ResetLog({ rows }: { rows: ResetRow[] }) {
  return (
    <section aria-labelledby="resets-heading" className="space-y-2">
      <h2 id="resets-heading" className="text-lg font-semibold">
        Password resets
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">No password has been reset yet.</p>
      ) : (
        <ul
          aria-label="Password resets"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm"
        >
          {rows.map((r) => (
            <li key={r.id} className="p-3">
              <time dateTime={r.at} className="text-stone-600">
                <When iso={r.at} />
              </time>{' '}
              <span className="font-medium">{r.actor.name}</span> {how[r.method]}{' '}
              <span className="font-medium">
                {r.method === 'link-used' ? 'themselves' : r.target.name}
              </span>
              {r.target.username && r.method !== 'link-used' && (
                <span className="text-stone-600"> (username {r.target.username})</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
