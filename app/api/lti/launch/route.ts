import { launchResponse } from '@/lib/server/lti/routes';
import { withDb } from '@/lib/server/with-db';

// The LTI 1.3 launch (the redirect URI): the LMS posts the id_token here. A GET (someone opening
// the address) is refused with the same page as a launch without a token.
export const POST = (request: Request) => withDb(launchResponse, request);
export const GET = (request: Request) => withDb(launchResponse, request);
