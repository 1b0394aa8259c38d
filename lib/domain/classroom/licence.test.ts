import { describe, expect, it } from 'vitest';
import { creativeCommonsUrl } from './licence';

describe('creativeCommonsUrl', () => {
  it.each([
    ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['CC BY-ND 4.0', 'https://creativecommons.org/licenses/by-nd/4.0/'],
    ['cc by nd', 'https://creativecommons.org/licenses/by-nd/4.0/'],
    ['CC-BY-SA-NC 3.0', 'https://creativecommons.org/licenses/by-nc-sa/3.0/'],
    ['CC BY-SA-NC 3.0', 'https://creativecommons.org/licenses/by-nc-sa/3.0/'],
    ['Creative Commons BY-NC 2.0', 'https://creativecommons.org/licenses/by-nc/2.0/'],
    ['CC0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['CC BY-SA-ND', null],
    ['CC BY 9.0', null],
    ['All rights reserved', null],
    ['', null],
  ])('%s', (licence, url) => {
    expect(creativeCommonsUrl(licence)).toBe(url);
  });
});
