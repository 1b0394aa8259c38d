import { deepLinkPostResponse } from '@/lib/server/lti/routes';
import { withDb } from '@/lib/server/with-db';

// The deep linking picker's choice: answers with the signed response, posted on to the LMS.
export const POST = (request: Request) => withDb(deepLinkPostResponse, request);
