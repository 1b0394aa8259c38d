'use client';

import { useState, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { inviteMemberAction } from '@/lib/actions/members';
import { MEMBER_ROLES, ROLE_LABELS, type MemberRole } from '@/lib/domain/capabilities';
import { LINK_VERBS, type InviteOutcome, type PersonView } from '@/lib/domain/people';
import type { Notify } from './share-dialog';

/** What happened, in a sentence for the status line. */
function inviteMessage(
  person: PersonView,
  role: MemberRole,
  outcome: InviteOutcome,
  mailed: boolean,
) {
  const can = `can now ${LINK_VERBS[role]} this map`;
  switch (outcome) {
    case 'added':
      return mailed
        ? `${person.name} ${can}. An email with a link to it is on its way to them, and it is in their My maps under “Shared with me”.`
        : `${person.name} ${can}. It is in their My maps under “Shared with me”. No email was sent to them, so tell them.`;
    case 'changed':
      return `${person.name} already had access; they ${can}.`;
    case 'unchanged':
      return `${person.name} could already ${LINK_VERBS[role]} this map: nothing changed.`;
  }
}

/**
 * "Invite by email": the account's email and a role (for a viewer, whether they see the notes: off
 * unless chosen). The person must have an account (someone new to the map is emailed a link
 * where the server sends mail); a refusal is shown under the field, which keeps focus and what
 * was typed.
 */
export function InviteForm({
  mapId,
  inputRef,
  onInvited,
  notify,
}: {
  mapId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onInvited: () => void;
  notify: Notify;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('editor');
  // A viewer sees the notes only if chosen, as with view links (off by default).
  const [includeNotes, setIncludeNotes] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function invite() {
    setBusy(true);
    setError(null);
    const r = await inviteMemberAction({
      mapId,
      email,
      role,
      includeNotes: role === 'viewer' && includeNotes,
    });
    setBusy(false);
    if (!r.ok) {
      // A refusal about the email goes under the field; anything else to the dialog's alert.
      if (r.fieldErrors?.email || r.code === 'INVALID') setError(r.message);
      else notify.error(r.message);
      inputRef.current?.focus();
      return;
    }
    setEmail('');
    onInvited();
    notify.status(inviteMessage(r.data.person, role, r.data.outcome, r.data.mailed));
    inputRef.current?.focus();
  }

  return (
    <section aria-labelledby="invite-heading" className="space-y-2">
      <h3 id="invite-heading" className="font-semibold text-stone-900">
        Invite by email
      </h3>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void invite();
        }}
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <div className="min-w-0 flex-1">
          <label htmlFor="invite-email" className="block text-sm font-medium text-stone-800">
            Email of their account
          </label>
          <input
            ref={inputRef}
            id="invite-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby="invite-email-error"
            className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-con-600"
          />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-stone-800">
            Role
          </label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => setRole(e.target.value as MemberRole)}
            className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm"
          >
            {MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </Button>
        {role === 'viewer' && (
          <label className="flex items-center gap-2 text-sm sm:order-last sm:pb-2">
            <input
              type="checkbox"
              checked={includeNotes}
              onChange={(e) => setIncludeNotes(e.target.checked)}
            />
            Include my notes
          </label>
        )}
      </form>
      <FieldError id="invite-email-error" messages={error} />
    </section>
  );
}
