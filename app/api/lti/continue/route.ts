import { continueResponse } from '@/lib/server/lti/routes';
import { withDb } from '@/lib/server/with-db';

// The one-time link a launch shown in the LMS's frame opens in a new tab.
export const GET = (request: Request) => withDb(continueResponse, request);
