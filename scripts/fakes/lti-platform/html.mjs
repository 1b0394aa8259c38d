// @ts-check
// The platform's few pages: plain, accessible HTML a Playwright browser can read.

/** @param {unknown} value */
export function esc(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * @param {string} title
 * @param {string} body inner HTML
 * @param {string} [bodyAttrs]
 */
export function page(title, body, bodyAttrs = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}
iframe{width:100%;height:32rem;border:1px solid #888}code{word-break:break-all}</style></head>
<body${bodyAttrs ? ` ${bodyAttrs}` : ''}><main>
<h1>${esc(title)}</h1>
${body}
</main></body></html>`;
}

/**
 * A page that POSTs `fields` to `action` as soon as it loads (the way platforms send the login
 * initiation, the id_token and a replay); without script, a button does it.
 * @param {string} title
 * @param {string} action
 * @param {Record<string, string | undefined>} fields
 */
export function autoPost(title, action, fields) {
  const inputs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('\n');
  return page(
    title,
    `<form method="post" action="${esc(action)}">
${inputs}
<button type="submit">Continue</button>
</form>`,
    'onload="document.forms[0].submit()"',
  );
}

/** @param {string} title @param {string} message */
export function errorPage(title, message) {
  return page(title, `<p role="alert">${esc(message)}</p>`);
}
