import { countProblem, IMPORT_LIMITS, sizeProblem } from './import-limits';
import type { ImportProblem } from './imported-map';

// Argdown's parser recurses once per level of indentation, and its lexer reads {data} with a
// backtracking pattern. Both are bounded here, in one pass over the text, before it runs.

/**
 * How far the lexer's {data} pattern may read in all, in characters. From each "{" it reads on to
 * the next "}" followed by a space or line break and more text (or to the end), so a file of many
 * "{" that never close that way costs the square of its length (12 kB of "{}," took half a
 * second). A real file's data is read about once: far below this.
 */
const DATA_SCAN_BUDGET = 20_000_000;

const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

// Space, tab and carriage return: what indents a line.
const isIndent = (code: number) => code === 0x20 || code === 0x09 || code === 0x0d;

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

// Where the lexer's data pattern stops reading: "}" then a space, then anything but "," or "}";
// or a line terminator other than \n, which its "." does not match.
function endsDataScan(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\r' || ch === '\u2028' || ch === '\u2029') return true;
  if (ch !== '}' || !isSpace(text[i + 1])) return false;
  const after = text[i + 2];
  return after !== undefined && after !== ',' && after !== '}';
}

function dataScanProblem(text: string): ImportProblem | null {
  let open = 0; // "{" read since the pattern last stopped
  let startSum = 0;
  let first = -1;
  let cost = 0;
  const tooCostly = (stop: number) => {
    cost += open * stop - startSum;
    return cost > DATA_SCAN_BUDGET;
  };
  const problem = (): ImportProblem => ({
    where: `line ${lineAt(text, first)}`,
    message:
      'a “{” starts data that does not end with “}” and a line break (write “\\{” for a brace in text)',
  });
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x7b) {
      open++;
      startSum += i;
      if (first === -1) first = i;
    } else if (open && endsDataScan(text, i)) {
      if (tooCostly(i)) return problem();
      open = 0;
      startSum = 0;
      first = -1;
    }
  }
  return open && tooCostly(text.length) ? problem() : null;
}

/**
 * Checks an Argdown text against the import limits before it is parsed: its size, its number of
 * lines, how deep it is indented (a stack of indentation widths, as the lexer keeps), and the
 * cost of reading its data. Returns the problems found, with their line.
 */
export function argdownShapeProblems(text: string): ImportProblem[] {
  const tooBig = sizeProblem(text);
  if (tooBig) return [tooBig];
  let lines = 0;
  const widths = [0];
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    let i = start;
    while (i < end && isIndent(text.charCodeAt(i))) i++;
    const width = i - start;
    start = end + 1;
    if (i === end) continue; // a blank line
    lines++;
    while (widths.length > 1 && widths[widths.length - 1]! > width) widths.pop();
    if (widths[widths.length - 1]! < width) widths.push(width);
    // A claim at the deepest level may have a cross-link line and data lines indented under it.
    if (widths.length - 1 > IMPORT_LIMITS.depth + 2) {
      return [{ where: `line ${lineNo}`, message: tooDeepLines(widths.length - 1) }];
    }
  }
  const tooLong = countProblem('file', lines, IMPORT_LIMITS.argdownLines, 'lines');
  if (tooLong) return [tooLong];
  const data = dataScanProblem(text);
  return data ? [data] : [];
}

const tooDeepLines = (levels: number) =>
  `it is indented ${levels} levels deep; a map can be at most ${IMPORT_LIMITS.depth} levels deep`;
