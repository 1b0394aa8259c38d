'use client';

import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { createRoleLinkAction, revokeRoleLinkAction } from '@/lib/actions/members';
import type { MemberRole } from '@/lib/domain/capabilities';
import type { RoleLinkView } from '@/lib/domain/people';
import type { ShareOptions } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import type { Notify } from './share-dialog';

const ROWS: Record<
  MemberRole,
  { label: string; about: string; create: string; copy: string; revoke: string }
> = {
  viewer: {
    label: 'Read-only link',
    about:
      'Anyone with this link can read the map and both articles, without an account. They cannot change it; signed-in users can make their own copy.',
    create: 'Create link',
    copy: 'Copy link',
    revoke: 'Stop sharing (revoke link)',
  },
  commenter: {
    label: 'Comment link',
    about:
      'Whoever opens it and signs in joins as a commenter: they can comment, and change nothing else.',
    create: 'Create comment link',
    copy: 'Copy comment link',
    revoke: 'Revoke comment link',
  },
  editor: {
    label: 'Edit link',
    about:
      'Whoever opens it and signs in joins as an editor: they can change claims, quotes, notes and links.',
    create: 'Create edit link',
    copy: 'Copy edit link',
    revoke: 'Revoke edit link',
  },
};

const LINK_ROLES = ['viewer', 'commenter', 'editor'] as const satisfies readonly MemberRole[];

export type RoleLinks = Partial<Record<MemberRole, RoleLinkView>>;

/** "Links": one row per role, each created, copied and revoked on its own. */
export function RoleLinksSection(props: {
  mapId: string;
  links: RoleLinks;
  /** False until the comment and edit links are read (the read-only one is known at once). */
  loaded: boolean;
  onLinkChange: (role: MemberRole, link: RoleLinkView | null) => void;
  /** People were removed with a revoked link: the people list must be read again. */
  onMembersRemoved: () => void;
  notify: Notify;
}) {
  return (
    <section aria-labelledby="links-heading" className="space-y-3">
      <h3 id="links-heading" className="font-semibold text-stone-900">
        Links
      </h3>
      {LINK_ROLES.map((role) =>
        role === 'viewer' || props.loaded ? (
          // A new token is a new row: its choices start from what the link shows.
          <RoleLinkRow
            key={`${role}-${props.links[role]?.token ?? 'none'}`}
            {...props}
            role={role}
            link={props.links[role] ?? null}
          />
        ) : (
          <p key={role} className="text-sm text-stone-600">
            Loading the {ROWS[role].label.toLowerCase()}…
          </p>
        ),
      )}
    </section>
  );
}

function RoleLinkRow({
  mapId,
  role,
  link,
  onLinkChange,
  onMembersRemoved,
  notify,
}: {
  mapId: string;
  role: MemberRole;
  link: RoleLinkView | null;
  onLinkChange: (role: MemberRole, link: RoleLinkView | null) => void;
  onMembersRemoved: () => void;
  notify: Notify;
}) {
  const text = ROWS[role];
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [options, setOptions] = useState<ShareOptions>({
    includeNotes: link?.includeNotes ?? false,
    showName: link?.showName ?? false,
  });
  const focus = (id: string) => document.getElementById(id)?.focus();
  const url = link ? `${window.location.origin}/s/${link.token}` : null;

  // Buttons stay enabled while a request runs (a disabled button drops keyboard focus); a second
  // press waits for the first to finish instead. Checkbox changes each send the full choice.
  async function save(next: ShareOptions, creating: boolean) {
    if (busy && creating) return;
    setBusy(true);
    const r = await createRoleLinkAction({ mapId, role, ...(role === 'viewer' ? next : {}) });
    setBusy(false);
    if (!r.ok) return notify.error(r.message);
    flushSync(() => onLinkChange(role, { ...r.data, role, joined: link?.joined ?? 0 }));
    if (creating) {
      focus(`share-copy-${role}`);
      notify.status(`${text.label} created. Copy it and send it to the people you choose.`);
    } else {
      const show = (on: boolean) => (on ? 'shows' : 'hides');
      notify.status(
        `Saved: the link ${show(next.includeNotes)} your notes and ${show(next.showName)} your name.`,
      );
    }
  }

  async function revoke() {
    if (busy) return;
    setBusy(true);
    setConfirming(false);
    const r = await revokeRoleLinkAction({ mapId, role });
    setBusy(false);
    if (!r.ok) return notify.error(r.message);
    flushSync(() => onLinkChange(role, null));
    focus(`share-create-${role}`);
    const removed = r.data.removed;
    if (removed > 0) onMembersRemoved();
    notify.status(
      `The ${text.label.toLowerCase()} no longer works.` +
        (removed > 0
          ? ` ${plural(removed, 'person', 'people')} who joined through it lost access.`
          : ''),
    );
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      notify.status(`Copied the ${text.label.toLowerCase()}.`);
    } catch {
      notify.error('Copying is blocked here: select the link and copy it by hand.');
    }
  }

  const choose = (key: keyof ShareOptions, value: boolean) => {
    const next = { ...options, [key]: value };
    setOptions(next);
    // An existing link changes at once; a new one is made with these choices.
    if (link) void save(next, false);
  };

  const joined = link?.joined ?? 0;
  return (
    <div className="space-y-2 rounded-md border border-stone-200 p-3">
      <h4 id={`share-title-${role}`} className="text-sm font-semibold text-stone-900">
        {text.label}
      </h4>
      <p className="text-sm text-stone-700">{text.about}</p>
      {url ? (
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={`share-url-${role}`}
            aria-labelledby={`share-title-${role}`}
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-md border border-stone-400 bg-stone-50 px-2 py-1.5 font-mono text-sm"
          />
          <Button id={`share-copy-${role}`} onClick={() => void copy()}>
            {text.copy}
          </Button>
        </div>
      ) : null}
      {role === 'viewer' && (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-stone-800">The link shows the claims, and</legend>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={options.includeNotes}
              onChange={(e) => choose('includeNotes', e.target.checked)}
            />
            <span>
              your notes{' '}
              <span className="text-stone-600">
                (off: opponents with the link do not see how you plan to answer them)
              </span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={options.showName}
              onChange={(e) => choose('showName', e.target.checked)}
            />
            <span>your name</span>
          </label>
        </fieldset>
      )}
      {link && role !== 'viewer' && (
        <p className="text-sm text-stone-700">
          Revoking it also removes the people who joined through it (
          {joined === 0 ? 'nobody yet' : plural(joined, 'person', 'people')}).
        </p>
      )}
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm">
          <p className="text-sm font-medium text-con-800">
            Revoke it and remove {plural(joined, 'person', 'people')}?
          </p>
          <Button
            id={`share-confirm-${role}`}
            variant="danger"
            aria-disabled={busy || undefined}
            onClick={() => void revoke()}
          >
            Revoke and remove
          </Button>
          <Button
            onClick={() => {
              flushSync(() => setConfirming(false));
              focus(`share-revoke-${role}`);
            }}
          >
            Keep the link
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {link ? (
            <Button
              id={`share-revoke-${role}`}
              variant="danger"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (joined === 0) return void revoke();
                flushSync(() => setConfirming(true));
                focus(`share-confirm-${role}`);
              }}
            >
              {text.revoke}
            </Button>
          ) : (
            <Button
              id={`share-create-${role}`}
              variant={role === 'viewer' ? 'primary' : 'secondary'}
              aria-disabled={busy || undefined}
              onClick={() => void save(options, true)}
            >
              {text.create}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
