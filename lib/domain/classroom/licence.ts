/**
 * The deed of a Creative Commons licence named the usual ways ("CC BY 4.0", "CC BY-NC-SA",
 * "cc-by-nd 3.0", "CC0"), so a teacher's article links its licence as the seeded ones do. Null
 * for anything else (a licence we cannot name a page for is shown as typed).
 */
export function creativeCommonsUrl(licence: string): string | null {
  const text = licence.trim().replace(/\s+/g, ' ');
  if (/^(CC ?0|CC ?zero)( 1\.0)?$/i.test(text)) {
    return 'https://creativecommons.org/publicdomain/zero/1.0/';
  }
  const m = /^(?:CC|Creative Commons)[ -]?(BY(?:[ -](?:NC|SA|ND)){0,2})(?: (\d\.\d))?$/i.exec(text);
  if (!m) return null;
  const terms = m[1]!.toLowerCase().split(/[ -]/);
  // The licence elements come in one order in every deed's address: by, nc, then sa or nd.
  const order = ['by', 'nc', 'sa', 'nd'];
  if (new Set(terms).size !== terms.length || (terms.includes('sa') && terms.includes('nd')))
    return null;
  const path = terms.sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('-');
  const version = m[2] ?? '4.0';
  if (!['1.0', '2.0', '2.5', '3.0', '4.0'].includes(version)) return null;
  return `https://creativecommons.org/licenses/${path}/${version}/`;
}
