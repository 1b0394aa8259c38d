/**
 * Every message Counterpoint mails, in plain text and in HTML, from one small layout. Each
 * template takes facts already worded for its reader (names as they may see them) and full
 * links (built from BETTER_AUTH_URL by lib/server/mail.ts); every piece of text that goes into
 * the HTML is escaped here, so a map title or a name can never become markup.
 */

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A subject line: one line, not too long (a name or title may hold newlines or be long). */
const oneLine = (text: string, max = 120) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** The parts of a message; each paragraph is plain text (escaped for the HTML). */
interface Layout {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  /** The one thing to do: a button in HTML, the bare link in text. */
  action: { label: string; url: string };
  /** Small print under the action (why you got this, how to stop it). */
  footer: string[];
}

function compose(m: Layout): MailContent {
  const text = [
    ...(m.greeting ? [m.greeting] : []),
    ...m.paragraphs,
    `${m.action.label}:\n${m.action.url}`,
    ...m.footer,
    '— Counterpoint',
  ].join('\n\n');
  const p = (t: string) => `<p style="margin:0 0 16px">${escapeHtml(t)}</p>`;
  const small = (t: string) =>
    `<p style="margin:0 0 8px;font-size:13px;color:#57534e">${escapeHtml(t)}</p>`;
  const url = escapeHtml(m.action.url);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(m.subject))}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#1c1917">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">
${m.greeting ? p(m.greeting) : ''}${m.paragraphs.map(p).join('')}
<p style="margin:0 0 16px"><a href="${url}" style="display:inline-block;background:#1c1917;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${escapeHtml(m.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#57534e;word-break:break-all">Or open this link: <a href="${url}" style="color:#1c1917">${url}</a></p>
${m.footer.map(small).join('')}
<p style="margin:16px 0 0;font-size:13px;color:#57534e">— Counterpoint</p>
</div></body></html>`;
  return { subject: oneLine(m.subject), text, html };
}

const hello = (name: string) => (name.trim() ? `Hello ${name.trim()},` : 'Hello,');

/** The link to choose a new password (better-auth's reset token). */
export function resetPasswordMail(f: { name: string; url: string }): MailContent {
  return compose({
    subject: 'Choose a new Counterpoint password',
    greeting: hello(f.name),
    paragraphs: [
      'Someone (we hope you) asked to choose a new password for your Counterpoint account.',
    ],
    action: { label: 'Choose a new password', url: f.url },
    footer: [
      'The link works once, for one hour.',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ],
  });
}

/** Someone gave this person a role in their map (Share, "Invite by email"). */
export function inviteMail(f: {
  name: string;
  /** Who invited them, as this reader may see them. */
  inviterName: string;
  mapTitle: string;
  /** "edit", "comment on", "view" (lib/domain/people.ts LINK_VERBS). */
  verb: string;
  url: string;
}): MailContent {
  const who = f.inviterName.trim() || 'Someone';
  const title = oneLine(f.mapTitle, 200);
  return compose({
    subject: `${who} shared “${oneLine(f.mapTitle, 80)}” with you`,
    greeting: hello(f.name),
    paragraphs: [
      `${who} invited you to ${f.verb} the argument map “${title}” on Counterpoint.`,
      'It is also in your My maps, under “Shared with me”.',
    ],
    action: { label: 'Open the map', url: f.url },
    footer: ['You get this email because someone added your account to their map.'],
  });
}

/** One of the bell's notifications, for someone who chose to get them by email. */
export function notificationMail(f: {
  /** The bell's sentence for this reader (lib/domain/notifications.ts). */
  text: string;
  /** The map it is about. */
  place: string;
  url: string;
  settingsUrl: string;
}): MailContent {
  return compose({
    subject: f.text,
    paragraphs: [f.text, ...(f.place ? [`In “${oneLine(f.place, 200)}”.`] : [])],
    action: { label: 'Open it in Counterpoint', url: f.url },
    footer: [
      `You get these emails because you turned them on in your account settings. To stop them, turn them off there: ${f.settingsUrl}`,
    ],
  });
}
