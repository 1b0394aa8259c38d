'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { TimeAgo, useNow } from '@/components/ui/time-ago';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import { badgeText, bellLabel, type NotificationItem } from '@/lib/domain/notifications';
import { useBellCount } from './use-bell-count';

type List = { items: NotificationItem[]; unread: number };

/**
 * The bell in the site header: the unread count, live (a stream of this person's own,
 * /api/notifications/events), and a panel listing what concerns them, newest first, each item a
 * link to its map and claim. Opening an item marks it read; "Mark all read" marks the rest. The
 * panel opens from the keyboard like any button, the keyboard goes to its first item, and Escape
 * (or a click elsewhere) closes it, back on the bell.
 */
export function NotificationBell({
  userKey,
  initialUnread,
}: {
  /** Whose bell: the tabs of one person share one stream (use-bell-count.ts). */
  userKey: string;
  initialUnread: number;
}) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [top, setTop] = useState(64);
  const panelId = useId();
  const bell = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const now = useNow();

  const load = useCallback(async () => {
    const res = await fetch('/api/notifications', { cache: 'no-store' }).catch(() => null);
    if (!res?.ok) return setError('Your notifications could not be loaded. Try again shortly.');
    const body = (await res.json()) as List;
    setError(null);
    setList(body);
  }, []);

  // The count, live; while the panel is open, what it lists follows.
  const [unread, setUnread] = useBellCount(userKey, initialUnread, () => {
    if (open) void load();
  });

  // On a phone the panel spans the screen just under the bell, wherever the header wrapped it.
  const placePanel = useCallback(
    () => setTop(Math.round(bell.current?.getBoundingClientRect().bottom ?? 56) + 8),
    [],
  );

  // Close on Escape (back on the bell) and on a click outside; follow the bell on a resize.
  useEffect(() => {
    if (!open) return;
    window.addEventListener('resize', placePanel);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      bell.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !bell.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('resize', placePanel);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open, placePanel]);

  // The keyboard goes into the panel once its list is there: on the newest item (or, with none,
  // on the panel's first control).
  const listed = list !== null;
  useEffect(() => {
    const el = panel.current;
    if (!open || !listed || !el) return;
    (el.querySelector<HTMLElement>('li a') ?? el.querySelector<HTMLElement>('a, button'))?.focus();
  }, [open, listed]);

  const markRead = async (input: { ids: string[] } | { all: true }) => {
    const result = await markNotificationsReadAction(input);
    if (!result.ok) return setError(result.message);
    setUnread(result.data.unread);
    setList(
      (l) =>
        l && {
          unread: result.data.unread,
          items: l.items.map((n) =>
            'all' in input || input.ids.includes(n.id) ? { ...n, read: true } : n,
          ),
        },
    );
  };

  return (
    <div className="relative">
      <button
        ref={bell}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={bellLabel(unread)}
        onClick={() => {
          if (!open) {
            void load();
            placePanel();
          }
          setOpen(!open);
        }}
        className="relative grid h-9 w-9 place-items-center rounded-md text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        data-bell
      >
        <BellIcon />
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-con-600 px-1 text-center text-xs font-bold leading-5 text-white"
            data-bell-count={unread}
          >
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="region"
          aria-label="Notifications"
          style={{ '--bell-top': `${top}px` } as CSSProperties}
          className="fixed inset-x-2 top-(--bell-top) z-40 max-h-[75vh] overflow-y-auto rounded-lg border border-stone-300 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-11 sm:w-96"
          data-bell-panel
        >
          <div className="flex items-center justify-between gap-2 border-b border-stone-200 px-3 py-2">
            <h2 className="text-sm font-semibold text-stone-900">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                onClick={() => void markRead({ all: true })}
                className="rounded px-1.5 py-0.5 text-sm font-medium text-stone-800 underline underline-offset-2 hover:bg-stone-100"
              >
                Mark all read
              </button>
            )}
          </div>
          {error && (
            <p role="alert" className="px-3 py-2 text-sm text-con-800">
              {error}
            </p>
          )}
          {!list ? (
            <p className="px-3 py-3 text-sm text-stone-700">Loading…</p>
          ) : list.items.length === 0 ? (
            <p className="px-3 py-3 text-sm text-stone-700">
              Nothing yet. What concerns you will show here.
            </p>
          ) : (
            <ul className="divide-y divide-stone-200">
              {list.items.map((n) => (
                <li key={n.id}>
                  <Link
                    href={n.href}
                    prefetch={false}
                    onClick={() => {
                      setOpen(false);
                      if (!n.read) void markRead({ ids: [n.id] });
                    }}
                    className={`flex gap-2 px-3 py-2 text-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${n.read ? 'text-stone-700' : 'bg-sky-50/60 text-stone-900'}`}
                    data-notification={n.kind}
                    data-unread={n.read ? undefined : 'true'}
                  >
                    <span
                      aria-hidden="true"
                      className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-sky-600'}`}
                    />
                    <span className="min-w-0 flex-1">
                      <span className={`block break-words ${n.read ? '' : 'font-semibold'}`}>
                        {!n.read && <span className="sr-only">Unread: </span>}
                        {n.text}
                      </span>
                      <span className="mt-0.5 block truncate text-xs text-stone-600">
                        {n.place} · <TimeAgo iso={n.createdAt} now={now} />
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5">
      <path d="M10 2a5 5 0 0 0-5 5v2.6c0 .5-.2 1-.5 1.4L3.3 12.7A1 1 0 0 0 4.1 14.3h11.8a1 1 0 0 0 .8-1.6L15.5 11a2.3 2.3 0 0 1-.5-1.4V7a5 5 0 0 0-5-5Zm-2.4 13.3a2.5 2.5 0 0 0 4.8 0H7.6Z" />
    </svg>
  );
}
