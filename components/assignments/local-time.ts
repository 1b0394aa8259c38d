/** A local date and time from <input type="datetime-local"> as an ISO instant ('' for none). */
export const toIso = (local: string) => (local ? new Date(local).toISOString() : '');

/** "2026-11-30T15:00" in the browser's time zone, for <input type="datetime-local">. */
export const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
