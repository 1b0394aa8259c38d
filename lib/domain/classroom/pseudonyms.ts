import { pick, secureRandomInt, type RandomInt } from './random';

/** Names students see each other under in an anonymous assignment: "Brave Otter". */
export const ADJECTIVES = [
  'Amber',
  'Bold',
  'Brave',
  'Bright',
  'Calm',
  'Clever',
  'Cosmic',
  'Curious',
  'Daring',
  'Eager',
  'Gentle',
  'Golden',
  'Happy',
  'Honest',
  'Jolly',
  'Keen',
  'Kind',
  'Lively',
  'Lucky',
  'Merry',
  'Mighty',
  'Nimble',
  'Noble',
  'Patient',
  'Polite',
  'Proud',
  'Quick',
  'Quiet',
  'Rapid',
  'Silver',
  'Steady',
  'Sunny',
  'Swift',
  'Thoughtful',
  'Tidy',
  'Wise',
  'Witty',
  'Zesty',
] as const;

export const ANIMALS = [
  'Badger',
  'Bear',
  'Beaver',
  'Bison',
  'Crane',
  'Deer',
  'Dolphin',
  'Eagle',
  'Falcon',
  'Fox',
  'Gecko',
  'Heron',
  'Ibis',
  'Koala',
  'Lemur',
  'Lynx',
  'Marten',
  'Moose',
  'Newt',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Quail',
  'Rabbit',
  'Raven',
  'Robin',
  'Seal',
  'Sparrow',
  'Stork',
  'Swan',
  'Tiger',
  'Toucan',
  'Turtle',
  'Walrus',
  'Whale',
  'Wolf',
  'Wren',
  'Yak',
  'Zebra',
] as const;

/**
 * A pseudonym not in `taken` (compared without case). Random pairs first; after many misses a
 * number is added, so it always finds one however full the class is.
 */
export function pickPseudonym(
  taken: Iterable<string>,
  random: RandomInt = secureRandomInt,
): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`;
    const candidate = attempt < 50 ? name : `${name} ${attempt}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
  for (let n = 2; ; n++) {
    const candidate = `Student ${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
