import {
  ArgdownApplication,
  ModelPlugin,
  ParserPlugin,
  type IArgdownPlugin,
  type IArgdownResponse,
  type ITokenNodeHandler,
} from '@argdown/core';
import { frontMatterFields, modelSettings, readArgdownData, readFrontMatter } from './argdown-data';
import type { ImportProblem } from './imported-map';

// Argdown's own parser and model builder, as the export tests and the import both use it.

/** Argdown's model, with the data and front matter read safely (see SafeDataPlugin). */
export interface ParsedArgdown extends IArgdownResponse {
  frontMatter?: Record<string, string>;
  /** Statement data that could not be read, with its line. */
  dataProblems?: ImportProblem[];
}

/**
 * Reads statement data ({…}) and the front matter (=== … ===) in place of Argdown's DataPlugin:
 * as YAML, like it (so `{source: "P1b"}` and JSON alike), but bounded (lib/domain/exchange/
 * argdown-data.ts: no anchors and aliases, depth and size limits). Of the front matter's
 * settings, those of Argdown's model that change what is read (`model: removeTagsFromText`,
 * `mode`, `transformArgumentRelations`) are passed on to the model, as Argdown does; the rest
 * (views, exports) have nothing to do in an import and never reach the parser.
 */
class SafeDataPlugin implements IArgdownPlugin {
  name = 'SafeDataPlugin';
  tokenListeners: Record<string, ITokenNodeHandler> = {
    Data: (_request, response, token, parentNode) => {
      const read = readArgdownData(token.image);
      if (!read.ok) return problem(response, token.startLine, read.message);
      if (parentNode) parentNode.data = read.value;
    },
    FrontMatter: (request, response, token) => {
      const read = readFrontMatter(token.image);
      if (!read.ok) return problem(response, token.startLine, read.message);
      const fields = read.value as Record<string, unknown>;
      (response as ParsedArgdown).frontMatter = frontMatterFields(fields);
      request.model = { ...request.model, ...modelSettings(fields) };
    },
  };
}

function problem(response: IArgdownResponse, line: number | undefined, message: string) {
  ((response as ParsedArgdown).dataProblems ??= []).push({
    where: `line ${line ?? '?'}`,
    message,
  });
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
