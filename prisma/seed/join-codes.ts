import type { PrismaClient } from '../../lib/generated/prisma/client';
import { generateJoinCode, isCurrentJoinCode } from '../../lib/domain/classroom/join-code';

/**
 * Replaces join codes of an older, shorter length (six characters: guessable in weeks even when
 * throttled) with codes of the current length. Runs at every start (npm run db:setup); the old
 * codes stop working and the class page shows the new one. Returns how many were replaced.
 */
export async function upgradeJoinCodes(db: PrismaClient): Promise<number> {
  const classes = await db.classroom.findMany({
    where: { joinCode: { not: null } },
    select: { id: true, joinCode: true },
  });
  let replaced = 0;
  for (const cls of classes) {
    if (isCurrentJoinCode(cls.joinCode!)) continue;
    for (let attempt = 0; ; attempt++) {
      try {
        // Only while it still has the old code: a server already running may have changed it.
        await db.classroom.updateMany({
          where: { id: cls.id, joinCode: cls.joinCode },
          data: { joinCode: generateJoinCode() },
        });
        replaced++;
        break;
      } catch (e) {
        // A code some class already has (odds of 1 in 10^7 per class): draw another.
        if (attempt >= 5) throw e;
      }
    }
  }
  return replaced;
}
