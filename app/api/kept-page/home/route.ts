import type { NextRequest } from 'next/server';
import { homePage, keptPageRoute } from '@/lib/server/kept-page';

/** The home page for a reader without an account, as kept (lib/server/kept-page.ts). */
export async function GET(request: NextRequest) {
  return keptPageRoute(request, '/', homePage);
}
