'use client';

/**
 * The batch of sign-in codes just made (students added, passwords reset), kept in this tab's
 * sessionStorage for the printable sheet at /classes/<id>/codes. Passwords are stored hashed on
 * the server, so this is the only copy: it lasts until the tab is closed or the teacher clears it.
 */
export interface CodesBatch {
  title: string;
  createdAt: string;
  students: { name: string; username: string; password: string }[];
}

const key = (classId: string) => `counterpoint:codes:${classId}`;

export function saveCodes(classId: string, batch: Omit<CodesBatch, 'createdAt'>) {
  const value: CodesBatch = { ...batch, createdAt: new Date().toISOString() };
  sessionStorage.setItem(key(classId), JSON.stringify(value));
}

export function loadCodes(classId: string): CodesBatch | null {
  try {
    const raw = sessionStorage.getItem(key(classId));
    return raw ? (JSON.parse(raw) as CodesBatch) : null;
  } catch {
    return null;
  }
}

export function clearCodes(classId: string) {
  sessionStorage.removeItem(key(classId));
}
