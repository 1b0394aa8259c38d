import { plural } from '@/lib/format';
import type { SyncStatus } from './map-sync';

/** The line that says where the changes are: the truth, in words. */
export function statusText(status: SyncStatus): string {
  if (status.kind === 'saved') return 'All changes saved';
  const n = plural(status.pending, 'change', 'changes');
  if (status.kind === 'saving')
    return status.pending === 0 ? 'Checking for unsaved changes…' : `Saving ${n}…`;
  if (status.failure === 'offline') return `Offline: ${n} waiting, will retry`;
  if (status.failure === 'signed-out')
    return `Signed out: ${n} kept here. Sign in again in another tab and they will be saved.`;
  return `Could not save: ${status.reason} ${n} kept here, will retry.`;
}
