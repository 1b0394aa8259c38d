import { randomInt } from 'node:crypto';

/** A uniform random integer in [0, n): node:crypto by default, a fixed sequence in tests. */
export type RandomInt = (n: number) => number;

export const secureRandomInt: RandomInt = (n) => randomInt(n);

export const pick = <T>(list: readonly T[], random: RandomInt): T => list[random(list.length)]!;
