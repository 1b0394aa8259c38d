import {
  ArgdownApplication,
  ModelPlugin,
  ParserPlugin,
  type IArgdownPlugin,
  type IArgdownResponse,
  type ITokenNodeHandler,
} from '@argdown/core';
import type { ImportProblem } from './imported-map';

// Argdown's own parser and model builder, as the export tests and the import both use it.

/** Argdown's model, with the data and front matter read safely (see SafeDataPlugin). */
export interface ParsedArgdown extends IArgdownResponse {
  frontMatter?: Record<string, string>;
  /** Statement data that could not be read, with its line. */
  dataProblems?: ImportProblem[];
}

/**
 * Reads statement data ({…}) as JSON and the front matter (=== … ===) as plain "key: value"
 * lines, in place of Argdown's DataPlugin. That plugin reads both as YAML, where anchors and
 * aliases let a few hundred bytes expand to gigabytes ("billion laughs"), and merges the front
 * matter into the parser's own settings. JSON has neither, and it is what toArgdown() writes.
 */
class SafeDataPlugin implements IArgdownPlugin {
  name = 'SafeDataPlugin';
  tokenListeners: Record<string, ITokenNodeHandler> = {
    Data: (_request, response, token, parentNode) => {
      const problem = (message: string) =>
        ((response as ParsedArgdown).dataProblems ??= []).push({
          where: `line ${token.startLine ?? '?'}`,
          message,
        });
      // Argdown's model merges data recursively: a deeply nested value would overflow its stack.
      if (nesting(token.image) > DATA_NESTING_MAX) {
        return problem(`its data is nested more than ${DATA_NESTING_MAX} levels deep`);
      }
      try {
        const data: unknown = JSON.parse(token.image);
        if (parentNode) parentNode.data = data;
      } catch {
        problem(
          'its data is not JSON (write it as {"strength": 4, "note": "…"}; YAML is not read)',
        );
      }
    },
    FrontMatter: (_request, response, token) => {
      (response as ParsedArgdown).frontMatter = readFrontMatter(token.image);
    },
  };
}

/** Our data is three levels deep at most (quotes: a list of objects). */
const DATA_NESTING_MAX = 16;

/** How deeply JSON text nests its objects and lists, read without parsing it. */
function nesting(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') deepest = Math.max(deepest, ++depth);
    else if (ch === '}' || ch === ']') depth--;
  }
  return deepest;
}

/** The front matter's top-level "key: value" lines; a value in double quotes is read as JSON. */
function readFrontMatter(image: string): Record<string, string> {
  const out = new Map<string, string>();
  for (const line of image.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*):[ \t]*(.*?)\s*$/.exec(line);
    if (!m || out.has(m[1]!)) continue;
    const raw = m[2]!;
    let value = raw;
    if (raw.startsWith('"')) {
      try {
        value = String(JSON.parse(raw));
      } catch {
        // Not JSON: keep the text as written.
      }
    } else if (raw.length > 1 && raw.startsWith("'") && raw.endsWith("'")) {
      value = raw.slice(1, -1).replace(/''/g, "'");
    }
    out.set(m[1]!, value);
  }
  return Object.fromEntries(out);
}

let app: ArgdownApplication | null = null;

/** Parses Argdown text with @argdown/core into its model (statements, relations, front matter). */
export function parseArgdown(text: string): ParsedArgdown {
  if (!app) {
    app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), 'parse-input');
    app.addPlugin(new SafeDataPlugin(), 'build-model');
    app.addPlugin(new ModelPlugin(), 'build-model');
  }
  return app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'error' });
}
