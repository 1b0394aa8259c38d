import 'server-only';
import crypto from 'node:crypto';
import { refusalPage, type LtiRefusal } from '@/lib/domain/lti/refusals';

/**
 * The few pages the LMS side answers directly from route handlers (a refused launch, the
 * dynamic registration steps, the deep linking return): plain, self-contained HTML with its own
 * Content-Security-Policy. They are outside the app's pages because their rules differ: a
 * refusal needs its 4xx status; the registration page is framed by the LMS; the deep linking
 * return posts a form to the LMS.
 */

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1c1917;
    background: #fafaf9; margin: 0; line-height: 1.5; }
  main { max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; }
  .brand { font-weight: 700; color: #57534e; letter-spacing: .02em; margin: 0 0 1.5rem; }
  h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
  h2 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
  p { margin: .5rem 0; }
  .card { background: #fff; border: 1px solid #e7e5e4; border-radius: .75rem; padding: 1.5rem; }
  details { margin-top: 1.5rem; font-size: .9rem; color: #57534e; }
  code { font-size: .85rem; word-break: break-all; }
  button, .button { font: inherit; background: #1c1917; color: #fff; border: 0; border-radius: .5rem;
    padding: .6rem 1.1rem; cursor: pointer; text-decoration: none; display: inline-block; }
  button:focus-visible, a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  a { color: #1d4ed8; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; font-size: .95rem; }
  dt { font-weight: 600; } dd { margin: 0; word-break: break-all; }
`;

export interface PageOptions {
  status?: number;
  /** A script to run (given a nonce by the policy). */
  script?: string;
  /** Origins a form on the page may post to, besides this app. */
  formActions?: string[];
  /** Whether the LMS may show the page in a frame (the registration page). */
  frameable?: boolean;
  extraHeaders?: [string, string][];
}

export function htmlPage(title: string, body: string, options: PageOptions = {}): Response {
  const nonce = crypto.randomBytes(16).toString('base64');
  const policy = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self'",
    `form-action 'self'${(options.formActions ?? []).map((o) => ` ${o}`).join('')}`,
    "base-uri 'none'",
    `frame-ancestors ${options.frameable ? '*' : "'none'"}`,
  ].join('; ');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Counterpoint</title><meta name="robots" content="noindex">
<style nonce="${nonce}">${STYLE}</style></head>
<body><main><p class="brand">Counterpoint</p><div class="card">${body}</div></main>
${options.script ? `<script nonce="${nonce}">${options.script}</script>` : ''}</body></html>`;
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': policy,
    'Referrer-Policy': 'no-referrer',
  });
  for (const [name, value] of options.extraHeaders ?? []) headers.append(name, value);
  return new Response(html, { status: options.status ?? 200, headers });
}

/** The page of a refused launch: what went wrong, what to do, and the detail for the admin. */
export function refusalResponse(refusal: LtiRefusal): Response {
  const page = refusalPage(refusal);
  const body = `<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.explanation)}</p>
<h2>What to do</h2>
<p>${escapeHtml(page.whatToDo)}</p>
<details><summary>Details for the LMS administrator</summary>
<p>LTI refusal: <code>${escapeHtml(refusal.reason)}</code>${
    refusal.detail ? ` (<code>${escapeHtml(refusal.detail.slice(0, 300))}</code>)` : ''
  }</p></details>`;
  return htmlPage(page.title, body, { status: page.status });
}
