import { toZonedInput } from '../zoned-time';

/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends). A cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) is prefixed with a quote mark so it stays text.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The one way a CSV file writes a moment: "2026-12-13 09:00" (what spreadsheets read as a date
 * and time) in `zone`, the class's time zone, which the column's header names (csvTimeHeader);
 * '' for none.
 */
export function csvTime(iso: string | null | undefined, zone: string): string {
  return iso ? toZonedInput(iso, zone).replace('T', ' ') : '';
}

/** The header of a column of times: "Last activity (America/Chicago)". */
export const csvTimeHeader = (label: string, zone: string) => `${label} (${zone})`;

/** The columns of a batch of sign-in cards as CSV (name, username, password, sign-in page). */
export function credentialsCsv(
  rows: readonly { name: string; username: string; password: string }[],
  signInUrl: string,
): string {
  return toCsv([
    ['Name', 'Username', 'Password', 'Sign in at'],
    ...rows.map((r) => [r.name, r.username, r.password, signInUrl]),
  ]);
}
