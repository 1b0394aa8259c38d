'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { TimeZoneSelect } from '@/components/ui/time-zone-select';
import { useZone } from '@/components/ui/zone';
import { archiveClassAction, setClassTimeZoneAction } from '@/lib/actions/classes';

/** Focuses an element the refreshed page is about to show (tries each frame for two seconds). */
function focusWhenShown(id: string, until = Date.now() + 2000) {
  const el = document.getElementById(id);
  if (el) el.focus();
  else if (Date.now() < until) requestAnimationFrame(() => focusWhenShown(id, until));
}

/**
 * The class's settings for its teacher: its time zone (due dates are typed in it; the CSV files
 * write it) and archiving it, which asks first.
 */
export function ClassSettings(props: {
  classId: string;
  /** The class's zone; null: never set (the teacher's own zone is offered). */
  timeZone: string | null;
  zones: string[];
}) {
  const router = useRouter();
  const viewer = useZone();
  const [zone, setZone] = useState(props.timeZone ?? viewer);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);

  const saveZone = async () => {
    setBusy(true);
    setSaved(null);
    const result = await setClassTimeZoneAction({ classId: props.classId, timeZone: zone });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setSaved(`Saved: due dates are now typed in ${zone}.`);
    router.refresh();
  };
  const archive = async () => {
    setBusy(true);
    const result = await archiveClassAction({ classId: props.classId, archived: true });
    setBusy(false);
    setAsking(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
    focusWhenShown('unarchive-class');
  };

  return (
    <section
      aria-labelledby="settings-heading"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="settings-heading" tabIndex={-1} className="text-lg font-semibold">
        Class settings
      </h2>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      <form
        className="space-y-1"
        onSubmit={(e) => {
          e.preventDefault();
          void saveZone();
        }}
      >
        <label htmlFor="class-zone" className="block font-medium text-stone-800">
          Time zone
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <TimeZoneSelect
            id="class-zone"
            zones={props.zones}
            value={zone}
            onChange={setZone}
            describedBy="class-zone-hint"
          />
          <Button type="submit" disabled={busy || zone === props.timeZone}>
            Save time zone
          </Button>
          <span role="status" className="text-sm text-pro-800">
            {saved}
          </span>
        </div>
        <p id="class-zone-hint" className="text-sm text-stone-600">
          {props.timeZone
            ? 'Due dates are typed in this zone, and the CSV files give times in it.'
            : 'Not set yet: due dates are typed in your own zone until you save one.'}{' '}
          Everyone sees due dates in their own time, with the zone named.
        </p>
      </form>
      <div className="space-y-2 border-t border-stone-200 pt-4">
        <h3 className="font-medium text-stone-800">Archive</h3>
        <p className="text-sm text-stone-600">
          At the end of the year: the class leaves your and your students’ lists for “Archived
          classes”, and everything in it becomes read-only. Nothing is deleted; you can unarchive it
          at any time.
        </p>
        <Button onClick={() => setAsking(true)} disabled={busy}>
          Archive this class
        </Button>
      </div>
      <Dialog open={asking} onClose={() => setAsking(false)} title="Archive this class?">
        <div className="space-y-3 text-stone-700">
          <p>
            Its assignments, maps, comments, votes, feedback and grades become read-only for you and
            your students: they can still open and read everything, and change nothing. The code
            stops letting anyone join, and the class leaves everyone’s main lists for “Archived
            classes”.
          </p>
          <p>Nothing is deleted. Unarchiving gives everything back as it was.</p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={() => setAsking(false)} data-autofocus>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => void archive()} disabled={busy}>
              Archive class
            </Button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}

/** Unarchive, on an archived class's banner (its teacher's only way to change it again). */
export function UnarchiveButton({ classId }: { classId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        id="unarchive-class"
        variant="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await archiveClassAction({ classId, archived: false });
          setBusy(false);
          if (!result.ok) return setError(result.message);
          router.refresh();
          focusWhenShown('settings-heading');
        }}
      >
        {busy ? 'Unarchiving…' : 'Unarchive class'}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-con-800">
          {error}
        </span>
      )}
    </span>
  );
}
