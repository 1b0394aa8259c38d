import { describe, expect, it } from 'vitest';
import { credentialsCsv, toCsv } from './csv';
import {
  formatJoinCode,
  generateJoinCode,
  isCurrentJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  normalizeJoinCode,
} from './join-code';
import { generatePassword, PASSWORD_WORDS } from './passwords';
import { ADJECTIVES, ANIMALS, pickPseudonym } from './pseudonyms';
import {
  isManagedEmail,
  isValidUsername,
  managedEmail,
  usernameBase,
  usernameCandidates,
} from './usernames';

/** A fixed sequence of "random" numbers, each taken modulo n. */
const sequence = (...values: number[]) => {
  let i = 0;
  return (n: number) => values[i++ % values.length]! % n;
};

describe('join codes', () => {
  it('are eight characters of the unambiguous alphabet: 24^8 codes', () => {
    expect(JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH).toBeGreaterThan(1e11);
    for (let i = 0; i < 50; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL5S2Z8B]/);
  });

  it('are read in any case, with spaces or dashes, or from a pasted join link', () => {
    expect(normalizeJoinCode(' kx7-4qa mt ')).toBe('KX74QAMT');
    expect(normalizeJoinCode('https://school.example/join/kx74qamt')).toBe('KX74QAMT');
    expect(formatJoinCode('KX74QAMT')).toBe('KX74-QAMT');
    expect(normalizeJoinCode(formatJoinCode('KX74QAMT'))).toBe('KX74QAMT');
    // Codes of the old length are no codes any more.
    expect(normalizeJoinCode('KX74QA')).toBeNull();
    expect(isCurrentJoinCode('KX74QA')).toBe(false);
    expect(normalizeJoinCode('KX74QAM0')).toBeNull();
    expect(normalizeJoinCode('')).toBeNull();
  });
});

describe('pseudonyms', () => {
  it('are an adjective and an animal, unique in the class whatever the case', () => {
    expect(pickPseudonym([], sequence(0, 0))).toBe(`${ADJECTIVES[0]} ${ANIMALS[0]}`);
    expect(pickPseudonym(['amber badger'], sequence(0, 0, 1, 1))).toBe(
      `${ADJECTIVES[1]} ${ANIMALS[1]}`,
    );
  });

  it('always finds one, however full the class', () => {
    const taken: string[] = [];
    for (let i = 0; i < 300; i++) taken.push(pickPseudonym(taken, sequence(0)));
    expect(new Set(taken.map((t) => t.toLowerCase())).size).toBe(300);
  });
});

describe('usernames', () => {
  it('start with the first name and the last initial, plain letters only', () => {
    expect(usernameBase('Zoë Martín-Ruiz')).toBe('zoer');
    expect(usernameBase('Ada Lovelace')).toBe('adal');
    expect(usernameBase('  Li ')).toBe('li');
    expect(usernameBase('李')).toBe('student');
    expect(usernameBase('A')).toBe('studenta');
    expect(usernameBase('Maximiliana-Theodora Smith')).toBe('maximilianas');
  });

  it('are offered with 2, then 3, then 4 digits, always valid for better-auth', () => {
    const list = usernameCandidates('Ada Lovelace', sequence(0));
    expect(list[0]).toBe('adal10');
    expect(list[4]).toBe('adal100');
    expect(list[8]).toBe('adal1000');
    for (const name of ['Ada Lovelace', '李', 'Ø', 'Jean-Luc Picard de la Barre du Nord']) {
      for (const u of usernameCandidates(name)) expect(isValidUsername(u)).toBe(true);
    }
  });

  it('have a placeholder email that can never receive mail', () => {
    expect(managedEmail('adal42')).toBe('adal42@students.invalid');
    expect(isManagedEmail('ADAL42@Students.Invalid')).toBe(true);
    expect(isManagedEmail('ada@school.org')).toBe(false);
  });
});

describe('generated passwords', () => {
  it('are three words and two digits, long enough for the sign-in rule', () => {
    expect(generatePassword(sequence(0, 1, 2, 5))).toBe(
      `${PASSWORD_WORDS[0]}-${PASSWORD_WORDS[1]}-${PASSWORD_WORDS[2]}-15`,
    );
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-z]+-[a-z]+-[a-z]+-\d{2}$/);
      expect(p.length).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('csv', () => {
  it('quotes what needs it and keeps formulas as text', () => {
    expect(
      toCsv([
        ['a', 'b,c', 'say "hi"'],
        ['=1+1', 2, null],
      ]),
    ).toBe('a,"b,c","say ""hi"""\r\n\'=1+1,2,\r\n');
    expect(credentialsCsv([{ name: 'Ada', username: 'adal42', password: 'p-q-r-10' }], 'u')).toBe(
      'Name,Username,Password,Sign in at\r\nAda,adal42,p-q-r-10,u\r\n',
    );
  });
});
