'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { listAccessAction } from '@/lib/actions/members';
import type { MemberRole } from '@/lib/domain/capabilities';
import type { PersonView, RoleLinkView } from '@/lib/domain/people';
import type { ShareLinkView } from '@/lib/domain/views';
import { InviteForm } from './invite-form';
import { PeopleList } from './people-list';
import { RoleLinksSection, type RoleLinks } from './role-links';

/** How the dialog's parts report what happened: one status line, one alert. */
export interface Notify {
  status: (message: string) => void;
  error: (message: string) => void;
}

/**
 * The owner's Share dialog: who has access and with what role, inviting by email, and one link
 * per role (read-only, comment, edit). The read-only link is known when the dialog opens (the
 * editor's `link`); people and the other links are read when it opens, and every change is
 * checked again by the server.
 */
export function ShareDialog({
  mapId,
  link,
  onLinkChange,
  onClose,
}: {
  mapId: string;
  /** The map's read-only link and what it shows, as the editor knows it. */
  link: ShareLinkView | null;
  /** Called when the read-only link is created, changed or revoked (the Share button says so). */
  onLinkChange: (link: ShareLinkView | null) => void;
  onClose: () => void;
}) {
  const [people, setPeople] = useState<PersonView[] | null>(null);
  const [links, setLinks] = useState<RoleLinks>(() =>
    link ? { viewer: { ...link, role: 'viewer', joined: 0 } } : {},
  );
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inviteRef = useRef<HTMLInputElement>(null);

  const notify: Notify = {
    status: (message) => {
      setError(null);
      setStatus(message);
    },
    error: (message) => {
      setStatus('');
      setError(message);
    },
  };

  const show = useCallback((r: Awaited<ReturnType<typeof listAccessAction>>) => {
    if (!r.ok) {
      setError(`Could not load who has access: ${r.message}`);
      return;
    }
    setPeople(r.data.people);
    setLinks(Object.fromEntries(r.data.links.map((l) => [l.role, l])));
    setLoaded(true);
  }, []);
  const reload = () => void listAccessAction({ mapId }).then(show);

  useEffect(() => {
    let live = true;
    void listAccessAction({ mapId }).then((r) => live && show(r));
    return () => {
      live = false;
    };
  }, [mapId, show]);

  function changeLink(role: MemberRole, next: RoleLinkView | null) {
    setLinks((current) => ({ ...current, [role]: next ?? undefined }));
    if (role === 'viewer') {
      onLinkChange(
        next
          ? { token: next.token, includeNotes: next.includeNotes, showName: next.showName }
          : null,
      );
    }
  }

  return (
    <Dialog open onClose={onClose} title="Share this map" wide>
      <div className="space-y-5">
        {people ? (
          <PeopleList
            mapId={mapId}
            people={people}
            onPeopleChange={setPeople}
            onReload={reload}
            focusInvite={() => inviteRef.current?.focus()}
            notify={notify}
          />
        ) : (
          !error && <p className="text-sm text-stone-600">Loading who has access…</p>
        )}
        <InviteForm mapId={mapId} inputRef={inviteRef} onInvited={reload} notify={notify} />
        <RoleLinksSection
          mapId={mapId}
          links={links}
          loaded={loaded}
          onLinkChange={changeLink}
          onMembersRemoved={reload}
          notify={notify}
        />
        <div className="space-y-2 border-t border-stone-200 pt-3">
          <p role="status" className="text-sm text-stone-800">
            {status}
          </p>
          {error && (
            <p role="alert" className="text-sm text-con-800">
              {error}
            </p>
          )}
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      </div>
    </Dialog>
  );
}
