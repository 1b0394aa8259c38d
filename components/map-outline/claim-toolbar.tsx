'use client';

import { Fragment } from 'react';
import { CommandButton } from '@/components/map/command-button';
import { useSession } from '@/components/map/session';
import { COMMANDS, type Command, type CommandId } from '@/lib/editor/commands';
import { keysOf } from '@/lib/editor/keys';
import type { ClaimView } from '@/lib/domain/views';

const TOOLBAR = COMMANDS.filter((c) => c.toolbar);

/** The toolbar's entries in order, consecutive members of a group (the move arrows) together. */
function groups(): { group?: string; commands: Command<CommandId>[] }[] {
  const out: { group?: string; commands: Command<CommandId>[] }[] = [];
  for (const c of TOOLBAR) {
    const last = out.at(-1);
    if (c.toolbar!.group && last?.group === c.toolbar!.group) last.commands.push(c);
    else out.push({ group: c.toolbar!.group, commands: [c] });
  }
  return out;
}

/**
 * The actions for the selected claim: every command in lib/editor/commands.ts that has a
 * toolbar entry, in the list's order, each with its key as the hint.
 */
export function ClaimToolbar({ claim }: { claim: ClaimView }) {
  const session = useSession();
  const target = { claimId: claim.id };
  const entry = (c: Command<CommandId>) => {
    const t = c.toolbar!;
    if (t.select) {
      const id = `${c.id}-${claim.id}`;
      return (
        <Fragment key={c.id}>
          <label htmlFor={id} className="sr-only">
            {t.text(claim)}
          </label>
          <select
            id={id}
            value={claim.strength ?? ''}
            onChange={(e) =>
              session.run(c.id, {
                ...target,
                value: e.target.value ? Number(e.target.value) : null,
              })
            }
            className="rounded-md border border-stone-300 bg-white px-1 py-1 text-sm"
            title={keysOf(c.id)}
          >
            <option value="">{t.select.empty}</option>
            {t.select.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </select>
        </Fragment>
      );
    }
    return (
      <CommandButton
        key={c.id}
        command={c.id}
        target={target}
        aria-label={t.name}
        className={t.danger ? 'text-con-800' : ''}
      >
        {t.text(claim)}
      </CommandButton>
    );
  };
  return (
    <div
      role="toolbar"
      aria-label="Claim actions"
      className="mt-2 flex flex-wrap items-center gap-1.5"
    >
      {groups().map((g) =>
        g.group ? (
          <span key={g.group} className="inline-flex gap-0.5" role="group" aria-label={g.group}>
            {g.commands.map(entry)}
          </span>
        ) : (
          g.commands.map(entry)
        ),
      )}
    </div>
  );
}
