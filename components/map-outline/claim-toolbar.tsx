'use client';

import { Fragment, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CommandButton } from '@/components/map/command-button';
import { useSession } from '@/components/map/session';
import { COMMANDS, type Command, type CommandId } from '@/lib/editor/commands';
import { keysOf } from '@/lib/editor/keys';
import type { ClaimView } from '@/lib/domain/views';

type Entry = Command<CommandId>;
const IN_VIEW = COMMANDS.filter((c) => c.toolbar && !c.toolbar.more);
const MORE = COMMANDS.filter((c) => c.toolbar?.more);
/** An editor's toolbar has the editing commands; someone who may only suggest, the suggestions. */
const forEditors = (entries: Entry[], editor: boolean) =>
  entries.filter((c) => !c.suggests === editor);
/** Touch screens get 44 px targets. */
const TOUCH = '[@media(pointer:coarse)]:min-h-11';

/** Entries in order, consecutive members of a group (the move arrows) together. */
function groups(entries: Entry[]): { group?: string; commands: Entry[] }[] {
  const out: { group?: string; commands: Entry[] }[] = [];
  for (const c of entries) {
    const last = out.at(-1);
    if (c.toolbar!.group && last?.group === c.toolbar!.group) last.commands.push(c);
    else out.push({ group: c.toolbar!.group, commands: [c] });
  }
  return out;
}

/**
 * The actions for the selected claim: every command in lib/editor/commands.ts that has a
 * toolbar entry, in the list's order, each with its key as the hint. The common ones are in
 * view; the rest fold under "More".
 */
export function ClaimToolbar({ claim }: { claim: ClaimView }) {
  const session = useSession();
  const inView = forEditors(IN_VIEW, session.canEdit);
  const more = forEditors(MORE, session.canEdit);
  const [moreOpen, setMore] = useState(false);
  const moreId = useId();
  const target = { claimId: claim.id };
  const entry = (c: Entry) => {
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
            className={`rounded-md border border-stone-300 bg-white px-1 py-1 text-sm ${TOUCH}`}
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
        className={`${t.danger ? 'text-con-800' : ''} ${TOUCH}`}
      >
        {t.text(claim)}
      </CommandButton>
    );
  };
  const draw = (entries: Entry[]) =>
    groups(entries).map((g) =>
      g.group ? (
        <span key={g.group} className="inline-flex gap-0.5" role="group" aria-label={g.group}>
          {g.commands.map(entry)}
        </span>
      ) : (
        g.commands.map(entry)
      ),
    );
  return (
    <div
      role="toolbar"
      aria-label="Claim actions"
      className="mt-2 flex flex-wrap items-center gap-1.5"
    >
      {draw(inView)}
      {more.length > 0 && (
        <>
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMore((open) => !open)}
            className={TOUCH}
          >
            More {moreOpen ? '▴' : '▾'}
          </Button>
          <span id={moreId} className={moreOpen ? 'contents' : 'hidden'}>
            {draw(more)}
          </span>
        </>
      )}
    </div>
  );
}
