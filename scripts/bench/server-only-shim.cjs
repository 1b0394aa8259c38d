/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, run by node --require */
// Lets the server modules run as plain Node in the benchmark: their `import 'server-only'` (a
// guard that throws outside React Server Components) resolves to an empty module instead.
const Module = require('node:module');
const path = require('node:path');

const empty = path.join(__dirname, '..', '..', 'tests', 'support', 'empty-module.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'server-only' ? empty : request, ...rest);
};
