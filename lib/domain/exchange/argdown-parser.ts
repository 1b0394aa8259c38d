import {
  ArgdownApplication,
  DataPlugin,
  ModelPlugin,
  ParserPlugin,
  type IArgdownResponse,
} from '@argdown/core';

// Argdown's own parser and model builder, as the export tests and the import both use it.

let app: ArgdownApplication | null = null;

/** Parses Argdown text with @argdown/core into its model (statements, relations, front matter). */
export function parseArgdown(text: string): IArgdownResponse {
  if (!app) {
    app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), 'parse-input');
    app.addPlugin(new DataPlugin(), 'build-model');
    app.addPlugin(new ModelPlugin(), 'build-model');
  }
  return app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'error' });
}
