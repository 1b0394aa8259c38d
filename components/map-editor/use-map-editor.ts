'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import {
  indentClaim,
  insertClaim,
  moveClaim,
  outdentClaim,
  removeSubtree,
  shiftClaim,
  subtreeIds,
  type Place,
  type Stance,
} from '@/lib/domain/argument-tree';
import { liveLinks, type CrossLink, type LinkTarget } from '@/lib/domain/cross-links';
import type { TextQuoteSelector } from '@/lib/domain/quote-anchoring';
import type { AnchorView, ClaimView, MapView } from '@/lib/domain/views';
import type { ActionResult } from '@/lib/errors';
import {
  addAnchorAction,
  addClaimAction,
  addLinkAction,
  deleteClaimAction,
  moveClaimAction,
  removeAnchorAction,
  removeLinkAction,
  restoreClaimsAction,
  updateClaimAction,
} from '@/lib/actions/claims';
import { getMapAction } from '@/lib/actions/maps';
import { claimText } from '@/lib/schemas/map';

export type SaveStatus = 'saved' | 'saving';

export interface UndoEntry {
  deletionId: string;
  label: string;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * The editor's state and every write it makes. Changes show at once (optimistic) and are saved
 * one after another in the order they were made; a refused write shows why and reloads the map
 * from the server, so the screen never shows something that is not saved.
 */
const sameClaim = (a: ClaimView, b: ClaimView) =>
  a.version === b.version &&
  a.position === b.position &&
  a.parentId === b.parentId &&
  a.thesisId === b.thesisId &&
  a.stance === b.stance &&
  a.text === b.text &&
  a.note === b.note &&
  a.strength === b.strength;

export function useMapEditor(initial: MapView) {
  const mapId = initial.id;
  const [claims, setClaims] = useState<ClaimView[]>(initial.claims);
  const [anchors, setAnchors] = useState<AnchorView[]>(initial.anchors);
  const [links, setLinks] = useState<CrossLink[]>(initial.links);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);

  // The latest state, for writes queued behind others, and the versions the server last confirmed.
  const claimsRef = useRef(claims);
  const versions = useRef(new Map(initial.claims.map((c) => [c.id, c.version])));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);

  const apply = useCallback((next: ClaimView[]) => {
    claimsRef.current = next;
    setClaims(next);
  }, []);

  /**
   * Takes in what the server saved. While later writes are still queued, the screen already shows
   * their outcome, so only versions are taken; the last answer in a burst is taken whole.
   */
  const merge = useCallback(
    (changed: ClaimView[], fields?: (keyof ClaimView)[], whole = false) => {
      for (const c of changed) versions.current.set(c.id, c.version);
      if (inFlight.current > 0 && !fields && !whole) return;
      const byId = new Map(changed.map((c) => [c.id, c]));
      const kept = claimsRef.current.map((c) => {
        const saved = byId.get(c.id);
        if (!saved) return c;
        if (fields) return { ...c, ...Object.fromEntries(fields.map((f) => [f, saved[f]])) };
        // What the screen already shows keeps its object, so its row is not drawn again.
        return sameClaim(c, saved) ? c : saved;
      });
      const known = new Set(kept.map((c) => c.id));
      apply([...kept, ...changed.filter((c) => !known.has(c.id))]);
    },
    [apply],
  );

  const resync = useCallback(async () => {
    const fresh = await getMapAction({ mapId });
    if (!fresh.ok) return;
    versions.current = new Map(fresh.data.claims.map((c) => [c.id, c.version]));
    apply(fresh.data.claims);
    setAnchors(fresh.data.anchors);
    setLinks(fresh.data.links);
  }, [apply, mapId]);

  /** Runs a write after those already queued; reports failure and resynchronises. */
  const save = useCallback(
    <T>(
      write: () => Promise<ActionResult<T>>,
      onSaved?: (data: T) => void,
      resyncOnFailure = true,
    ) => {
      inFlight.current += 1;
      setStatus('saving');
      const run = queue.current.then(async (): Promise<ActionResult<T>> => {
        let result: ActionResult<T>;
        try {
          result = await write();
        } catch {
          result = {
            ok: false,
            code: 'UNEXPECTED',
            message:
              'The server could not be reached, so the last change was not saved. Check your connection.',
          };
        }
        inFlight.current -= 1;
        if (inFlight.current === 0) setStatus('saved');
        if (result.ok) {
          onSaved?.(result.data);
        } else {
          setError(result.message);
          setAnnouncement(result.message);
          if (resyncOnFailure) await resync();
        }
        return result;
      });
      queue.current = run;
      return run;
    },
    [resync],
  );

  const version = (id: string) => versions.current.get(id) ?? 1;
  const find = (id: string) => claimsRef.current.find((c) => c.id === id);

  /** Adds a claim; returns its id, or an error message (nothing added) for bad text. */
  const addClaim = useCallback(
    (
      place: Place,
      stance: Stance,
      text: string,
      index?: number,
    ): { id: string } | { error: string } => {
      const parsed = claimText.safeParse(text);
      if (!parsed.success)
        return { error: parsed.error.issues[0]?.message ?? 'Check the claim text.' };
      const id = crypto.randomUUID();
      const node: ClaimView = {
        id,
        ...place,
        stance,
        position: 0,
        text: parsed.data,
        note: '',
        strength: null,
        version: 1,
      };
      try {
        apply(insertClaim(claimsRef.current, node, index));
      } catch (e) {
        return { error: (e as Error).message };
      }
      versions.current.set(id, 1);
      setAnnouncement(`${stance === 'pro' ? 'Pro' : 'Con'} claim added.`);
      void save(
        () => addClaimAction({ mapId, id, place, stance, text: parsed.data, index }),
        (d) => merge(d.claims),
      );
      return { id };
    },
    [apply, mapId, merge, save],
  );

  /** Edits text or note; resolves with the server's answer so the form can keep the text on failure. */
  const editClaim = useCallback(
    async (id: string, edit: { text?: string; note?: string }) => {
      const result = await save(
        () => updateClaimAction({ mapId, claimId: id, version: version(id), edit }),
        (c) => merge([c], ['text', 'note', 'version']),
      );
      if (result.ok) setAnnouncement('Saved.');
      return result;
    },
    [mapId, merge, save],
  );

  const setAttribute = useCallback(
    (id: string, edit: { stance?: Stance; strength?: number | null }) => {
      const claim = find(id);
      if (!claim) return;
      apply(claimsRef.current.map((c) => (c.id === id ? { ...c, ...edit } : c)));
      setAnnouncement(
        edit.stance
          ? `Now ${edit.stance}.`
          : edit.strength
            ? `Strength ${edit.strength} of 5.`
            : 'Strength cleared.',
      );
      void save(
        () => updateClaimAction({ mapId, claimId: id, version: version(id), edit }),
        (c) => merge([c]),
      );
    },
    [apply, mapId, merge, save],
  );

  /** Applies a structural change locally and saves the moved claim's new place. */
  const restructure = useCallback(
    (id: string, next: ClaimView[] | null, refusal: string, done: string) => {
      if (!next) {
        setAnnouncement(refusal);
        return false;
      }
      const moved = next.find((c) => c.id === id)!;
      apply(next);
      setAnnouncement(done);
      void save(
        () =>
          moveClaimAction({
            mapId,
            claimId: id,
            version: version(id),
            place: { thesisId: moved.thesisId, parentId: moved.parentId },
            index: moved.position,
          }),
        (d) => merge(d.claims),
      );
      return true;
    },
    [apply, mapId, merge, save],
  );

  const indent = (id: string) =>
    restructure(
      id,
      indentClaim(claimsRef.current, id),
      'Cannot indent: there is no claim above it at this level.',
      'Indented.',
    );
  const outdent = (id: string) =>
    restructure(
      id,
      outdentClaim(claimsRef.current, id),
      'Cannot outdent: it already answers the thesis.',
      'Outdented.',
    );
  const shift = (id: string, delta: -1 | 1) =>
    restructure(
      id,
      shiftClaim(claimsRef.current, id, delta),
      delta < 0 ? 'Already first.' : 'Already last.',
      delta < 0 ? 'Moved up.' : 'Moved down.',
    );
  const moveTo = (id: string, place: Place, index?: number) => {
    let next: ClaimView[] | null;
    try {
      next = moveClaim(claimsRef.current, id, place, index);
    } catch (e) {
      setAnnouncement((e as Error).message);
      return false;
    }
    return restructure(id, next, '', 'Moved.');
  };

  const deleteClaim = useCallback(
    (id: string) => {
      const claim = find(id);
      if (!claim) return;
      const { claims: rest, removed } = removeSubtree(claimsRef.current, id);
      apply(rest);
      const label =
        removed.length > 1
          ? `Deleted “${short(claim.text)}” and ${removed.length - 1} more.`
          : `Deleted “${short(claim.text)}”.`;
      setAnnouncement(`${label} Press Ctrl+Z to undo.`);
      void save(
        () => deleteClaimAction({ mapId, claimId: id, version: version(id) }),
        (d) => {
          merge(d.claims);
          setUndoStack((s) => [...s.slice(-19), { deletionId: d.deletionId, label }]);
        },
      );
    },
    [apply, mapId, merge, save],
  );

  const undoDelete = useCallback(() => {
    const last = undoStack[undoStack.length - 1];
    if (!last) {
      setAnnouncement('Nothing to undo.');
      return;
    }
    setUndoStack((s) => s.slice(0, -1));
    void save(
      () => restoreClaimsAction({ mapId, deletionId: last.deletionId }),
      (d) => {
        merge(d.claims, undefined, true);
        setAnchors((a) => [
          ...a.filter((x) => !d.anchors.some((y) => y.id === x.id)),
          ...d.anchors,
        ]);
        setAnnouncement('Restored.');
      },
    );
  }, [mapId, merge, save, undoStack]);

  const addAnchor = useCallback(
    async (claimId: string, sourceId: string, selector: TextQuoteSelector, block?: number) => {
      const result = await save(
        () => addAnchorAction({ mapId, claimId, sourceId, ...selector, block }),
        (a) => setAnchors((list) => [...list, a]),
        false,
      );
      if (result.ok) setAnnouncement('Quote attached.');
      return result;
    },
    [mapId, save],
  );

  const removeAnchor = useCallback(
    (anchorId: string) => {
      setAnchors((list) => list.filter((a) => a.id !== anchorId));
      setAnnouncement('Quote removed.');
      void save(() => removeAnchorAction({ mapId, anchorId }));
    },
    [mapId, save],
  );

  /** Adds a cross-link to the other side; resolves with the server's answer for the dialog. */
  const addLink = useCallback(
    async (fromClaimId: string, target: LinkTarget, stance: Stance) => {
      const result = await save(
        () => addLinkAction({ mapId, fromClaimId, target, stance }),
        (l) => setLinks((list) => [...list, l]),
        false,
      );
      if (result.ok) setAnnouncement('Cross-link added.');
      return result;
    },
    [mapId, save],
  );

  const removeLink = useCallback(
    (linkId: string) => {
      setLinks((list) => list.filter((l) => l.id !== linkId));
      setAnnouncement('Cross-link removed.');
      void save(() => removeLinkAction({ mapId, linkId }));
    },
    [mapId, save],
  );

  const visibleLinks = useMemo(() => liveLinks(claims, links), [claims, links]);

  const liveAnchors = useMemo(() => {
    const ids = new Set(claims.map((c) => c.id));
    return anchors.filter((a) => ids.has(a.claimId));
  }, [anchors, claims]);

  return {
    claims,
    anchors: liveAnchors,
    links: visibleLinks,
    status,
    error,
    dismissError: () => setError(null),
    announcement,
    canUndo: undoStack.length > 0,
    lastUndo: undoStack[undoStack.length - 1] ?? null,
    descendantsOf: (id: string) => subtreeIds(claimsRef.current, id).size - 1,
    addClaim,
    editClaim,
    setAttribute,
    indent,
    outdent,
    shift,
    moveTo,
    deleteClaim,
    undoDelete,
    addAnchor,
    removeAnchor,
    addLink,
    removeLink,
    announce: setAnnouncement,
  };
}

export type MapEditorApi = ReturnType<typeof useMapEditor>;
