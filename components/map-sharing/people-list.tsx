'use client';

import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { changeRoleAction, removeMemberAction } from '@/lib/actions/members';
import { MEMBER_ROLES, ROLE_LABELS, type MemberRole } from '@/lib/domain/capabilities';
import { LINK_VERBS, type PersonView } from '@/lib/domain/people';
import type { Notify } from './share-dialog';

const LINK_NAMES: Record<MemberRole, string> = {
  viewer: 'the read-only link',
  commenter: 'the comment link',
  editor: 'the edit link',
};

/**
 * "People with access": the owner, then each member with a role to change and a Remove button.
 * After a removal, focus moves to the next person's Remove button (or the previous one's), and
 * to the invite field when nobody is left, so a keyboard user never lands on nothing.
 */
export function PeopleList({
  mapId,
  people,
  onPeopleChange,
  onReload,
  focusInvite,
  notify,
}: {
  mapId: string;
  /** The owner first, then the members (lib/server/members.ts listPeople). */
  people: PersonView[];
  onPeopleChange: (people: PersonView[]) => void;
  /** Reads the list again, after a refusal that says it is out of date. */
  onReload: () => void;
  focusInvite: () => void;
  notify: Notify;
}) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const members = people.filter((p) => p.role !== 'owner');

  // Controls stay enabled while a request runs (a disabled control drops keyboard focus); a
  // second action on the same person waits for the first to finish instead.
  async function change(person: PersonView, role: MemberRole) {
    if (busyId) return;
    setBusyId(person.userId);
    const r = await changeRoleAction({ mapId, userId: person.userId, role });
    setBusyId(null);
    if (!r.ok) {
      notify.error(r.message);
      if (r.code === 'NOT_FOUND') onReload();
      return;
    }
    onPeopleChange(people.map((p) => (p.userId === person.userId ? { ...p, role } : p)));
    notify.status(`${person.name} can now ${LINK_VERBS[role]} this map.`);
  }

  async function remove(person: PersonView) {
    const index = members.findIndex((p) => p.userId === person.userId);
    const next = members[index + 1] ?? members[index - 1] ?? null;
    if (busyId) return;
    setBusyId(person.userId);
    const r = await removeMemberAction({ mapId, userId: person.userId });
    setBusyId(null);
    if (!r.ok) {
      notify.error(r.message);
      if (r.code === 'NOT_FOUND') onReload();
      return;
    }
    flushSync(() => onPeopleChange(people.filter((p) => p.userId !== person.userId)));
    const target = next
      ? listRef.current?.querySelector<HTMLButtonElement>(
          `[data-remove="${CSS.escape(next.userId)}"]`,
        )
      : null;
    if (target) target.focus();
    else focusInvite();
    notify.status(`${person.name} no longer has access to this map.`);
  }

  return (
    <section aria-labelledby="people-heading" className="space-y-2">
      <h3 id="people-heading" className="font-semibold text-stone-900">
        People with access
      </h3>
      <ul ref={listRef} className="divide-y divide-stone-200 rounded-md border border-stone-200">
        {people.map((person) => (
          <li
            key={person.userId}
            className="flex flex-col gap-2 p-2 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium break-words text-stone-900">
                {person.name}
                {person.role === 'owner' && <span className="text-stone-600"> (you)</span>}
              </p>
              <p className="text-sm break-all text-stone-600">{person.email}</p>
              {person.viaLink && (
                <p className="text-xs text-stone-600">
                  Joined through {LINK_NAMES[person.viaLink]}
                </p>
              )}
            </div>
            {person.role === 'owner' ? (
              <p className="text-sm font-medium text-stone-700">{ROLE_LABELS.owner}</p>
            ) : (
              <div className="flex flex-wrap items-center gap-2">
                <label htmlFor={`role-${person.userId}`} className="sr-only">
                  Role for {person.name}
                </label>
                <select
                  id={`role-${person.userId}`}
                  value={person.role}
                  aria-disabled={busyId === person.userId || undefined}
                  onChange={(e) => void change(person, e.target.value as MemberRole)}
                  className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
                >
                  {MEMBER_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
                <Button
                  size="sm"
                  data-remove={person.userId}
                  aria-label={`Remove ${person.name}`}
                  aria-disabled={busyId === person.userId || undefined}
                  onClick={() => void remove(person)}
                >
                  Remove
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {members.length === 0 && (
        <p className="text-sm text-stone-600">
          Only you so far. Invite people by email, or send them a link.
        </p>
      )}
    </section>
  );
}
