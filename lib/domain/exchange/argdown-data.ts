import { CORE_SCHEMA, load } from 'js-yaml';

// Argdown's data ({…} after a statement, and the front matter between === lines) is YAML, as
// Argdown's own DataPlugin reads it: `{source: "P1b", strength: 4}` as well as JSON. It is read
// here with js-yaml (the parser Argdown uses), bounded so a hostile file costs little:
// - the core schema only: no `<<` merge keys, dates, binary or sets;
// - no anchors and aliases (& and *) of lists or maps: an alias is a second reference to the same
//   value, and Argdown's model merges data recursively, so nine aliases per level ("billion
//   laughs") expand 9^levels times; the value is walked once and refused at a repeat;
// - at most DATA_NESTING_MAX levels deep (checked on the text before parsing too, as js-yaml's
//   parser and Argdown's merge both recurse once per level) and DATA_VALUES_MAX values.

/** Our data is three levels deep at most (quotes: a list of objects). */
export const DATA_NESTING_MAX = 16;
/** Values (strings, numbers, lists, maps) in one statement's data or the front matter. */
const DATA_VALUES_MAX = 20_000;

export type DataResult = { ok: true; value: unknown } | { ok: false; message: string };

/** How deeply flow-style text nests its maps and lists, read without parsing it. */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"') quote = ch;
    else if (ch === '{' || ch === '[') deepest = Math.max(deepest, ++depth);
    else if (ch === '}' || ch === ']') depth--;
  }
  return deepest;
}

/** The problem with a parsed value (a repeated list or map, too deep, too many values), or null. */
function shapeProblem(root: unknown): string | null {
  const seen = new Set<object>();
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++count > DATA_VALUES_MAX) return `its data has more than ${DATA_VALUES_MAX} values`;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= DATA_NESTING_MAX)
      return `its data is nested more than ${DATA_NESTING_MAX} levels deep`;
    if (seen.has(value)) return ANCHORS;
    seen.add(value);
    const inner = Array.isArray(value) ? value : Object.values(value);
    for (const v of inner) stack.push({ value: v, depth: depth + 1 });
  }
  return null;
}

const ANCHORS =
  'its data repeats a list or map with YAML anchors and aliases (& and *), which are not read';

/**
 * Reads one piece of Argdown data, as Argdown's DataPlugin does: a `{` on a line of its own
 * starts block-style YAML (the braces are dropped), anything else is flow-style (JSON is too).
 */
export function readArgdownData(text: string): DataResult {
  if (nesting(text) > DATA_NESTING_MAX)
    return { ok: false, message: `its data is nested more than ${DATA_NESTING_MAX} levels deep` };
  const block = /^{[ \t]*(\n\r|\r?\n)/.exec(text);
  const source = block ? text.slice(block[0].length).replace(/}\s*$/, '') : text;
  let value: unknown;
  try {
    // JSON (what toArgdown() writes) is YAML too; JSON.parse reads it several times faster.
    value = parseJson(source) ?? load(source, { schema: CORE_SCHEMA, json: true });
  } catch (e) {
    const reason = e instanceof RangeError ? 'it is nested too deeply' : firstLine(e);
    return {
      ok: false,
      message: `its data cannot be read (${reason}); write it as {strength: 4, note: "…"}`,
    };
  }
  const problem = shapeProblem(value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

/** The value of `text` read as JSON (a map, list or string), or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  if (!/^\s*[[{"]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const firstLine = (e: unknown) =>
  String((e as { reason?: string })?.reason ?? (e as Error)?.message ?? e).split('\n')[0]!;

/** The front matter between its === lines, read like data: an object, or a problem. */
export function readFrontMatter(image: string): DataResult {
  const inner = image.replace(/^\s*={3,}/, '').replace(/={3,}\s*$/, '');
  const read = readArgdownData(inner);
  if (!read.ok) return { ok: false, message: read.message.replace('its data', 'the front matter') };
  const value = read.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value))
    return { ok: false, message: 'the front matter is not a list of “key: value” lines' };
  return { ok: true, value };
}

/**
 * The model settings a front matter may give (`model:` in Argdown's settings), those that change
 * what is imported: `mode` (loose or strict), `removeTagsFromText` and
 * `transformArgumentRelations`. Others are Argdown's view and export settings: ignored.
 */
export function modelSettings(frontMatter: Record<string, unknown>): Record<string, unknown> {
  const model = frontMatter.model;
  if (!model || typeof model !== 'object' || Array.isArray(model)) return {};
  const m = model as Record<string, unknown>;
  return {
    ...(m.mode === 'loose' || m.mode === 'strict' ? { mode: m.mode } : {}),
    ...(typeof m.removeTagsFromText === 'boolean'
      ? { removeTagsFromText: m.removeTagsFromText }
      : {}),
    ...(typeof m.transformArgumentRelations === 'boolean'
      ? { transformArgumentRelations: m.transformArgumentRelations }
      : {}),
  };
}

/** The front matter's top-level values that are text or numbers, as text (title, motion…). */
export function frontMatterFields(frontMatter: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(frontMatter)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([k, v]) => [k, String(v)]),
  );
}
