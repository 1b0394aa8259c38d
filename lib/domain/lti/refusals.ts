/**
 * Why an LMS launch (or a step of it) was refused, and the words of the page that says so: what
 * went wrong and what to do about it, with the HTTP status it is answered with (always 4xx, or
 * 502 when the LMS itself could not be reached). One table, so each refusal reads the same
 * wherever it is found.
 */

export const REFUSAL_REASONS = [
  'no-token',
  'malformed',
  'unknown-platform',
  'bad-signature',
  'platform-unreachable',
  'expired',
  'wrong-audience',
  'state-unknown',
  'state-expired',
  'replayed',
  'unknown-deployment',
  'wrong-version',
  'wrong-message-type',
  'anonymous',
  'no-context',
  'role-not-supported',
  'class-not-ready',
  'other-teacher',
  'removed',
  'login-bad-request',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface LtiRefusal {
  reason: RefusalReason;
  /** A technical detail for the LMS administrator (which claim, which message type). */
  detail?: string;
}

export interface RefusalPage {
  status: number;
  title: string;
  explanation: string;
  whatToDo: string;
}

const AGAIN = 'Go back to your course in the LMS and open the activity again.';
const ADMIN =
  'ask whoever looks after your LMS to check how Counterpoint is registered there (Admin → LMS in Counterpoint shows what it expects).';

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

const PAGES: Record<RefusalReason, RefusalPage> = {
  'no-token': {
    status: 400,
    title: 'This is not an LMS launch',
    explanation:
      'This address is opened by your LMS (Moodle, Canvas, Blackboard) when you open a Counterpoint activity; it was opened without the sign-in the LMS sends.',
    whatToDo: AGAIN,
  },
  malformed: {
    status: 400,
    title: 'The LMS sent an incomplete launch',
    explanation:
      'The launch from your LMS was missing something LTI 1.3 requires, so Counterpoint could not tell who you are or where you came from.',
    whatToDo: `${AGAIN} If it happens again, ${ADMIN}`,
  },
  'unknown-platform': {
    status: 403,
    title: 'This LMS is not registered with Counterpoint',
    explanation:
      'The launch came from an LMS (or a client id) this Counterpoint server does not know.',
    whatToDo: capitalised(ADMIN),
  },
  'bad-signature': {
    status: 403,
    title: 'The launch could not be verified',
    explanation:
      'The launch was not signed by the LMS it claims to come from (its signature does not match the LMS’s published keys), so it was refused. Nothing was opened.',
    whatToDo: `${AGAIN} If it happens again, ${ADMIN}`,
  },
  'platform-unreachable': {
    status: 502,
    title: 'Counterpoint could not reach your LMS',
    explanation:
      'To verify the launch, Counterpoint fetches your LMS’s public keys, and that failed.',
    whatToDo:
      'Try again in a minute. If it keeps failing, the LMS’s key address (JWKS URL) registered in Counterpoint may be wrong.',
  },
  expired: {
    status: 401,
    title: 'This launch has expired',
    explanation:
      'The sign-in your LMS sent is only valid for a few minutes, and this one is too old (or the server clocks disagree).',
    whatToDo: AGAIN,
  },
  'wrong-audience': {
    status: 403,
    title: 'This launch was meant for another tool',
    explanation:
      'The LMS addressed this launch to a different client id than the one Counterpoint is registered with.',
    whatToDo: capitalised(ADMIN),
  },
  'state-unknown': {
    status: 400,
    title: 'This launch did not start here',
    explanation:
      'A launch starts with a login step that Counterpoint remembers; this one has no matching login step (it may have been copied or sent from elsewhere).',
    whatToDo: AGAIN,
  },
  'state-expired': {
    status: 401,
    title: 'The launch took too long',
    explanation:
      'The login step of this launch expired before the LMS came back (after ten minutes).',
    whatToDo: AGAIN,
  },
  replayed: {
    status: 403,
    title: 'This launch was already used',
    explanation:
      'Each launch can be used once. This one was used before (perhaps by going back or reloading), so it was refused.',
    whatToDo: AGAIN,
  },
  'unknown-deployment': {
    status: 403,
    title: 'This deployment of Counterpoint is not registered',
    explanation:
      'The LMS knows Counterpoint, but this launch came from a deployment (an installation of the tool in the LMS) that was not registered here.',
    whatToDo: capitalised(ADMIN),
  },
  'wrong-version': {
    status: 400,
    title: 'Unsupported LTI version',
    explanation: 'Counterpoint speaks LTI 1.3; the launch named another version.',
    whatToDo: capitalised(ADMIN),
  },
  'wrong-message-type': {
    status: 400,
    title: 'Counterpoint cannot open this kind of launch',
    explanation:
      'Counterpoint opens activities (resource link launches) and lets teachers add activities (deep linking); the LMS sent something else.',
    whatToDo: capitalised(ADMIN),
  },
  anonymous: {
    status: 403,
    title: 'The LMS did not say who you are',
    explanation:
      'The launch carried no user id, so Counterpoint cannot sign you in or keep your work.',
    whatToDo: 'Ask whoever looks after your LMS to send the user’s id (and name) to Counterpoint.',
  },
  'no-context': {
    status: 400,
    title: 'Open Counterpoint from a course',
    explanation:
      'This launch did not come from a course, and Counterpoint’s classes are made from LMS courses.',
    whatToDo: 'Open Counterpoint from an activity inside your course.',
  },
  'role-not-supported': {
    status: 403,
    title: 'Your role in this course has no place in Counterpoint',
    explanation:
      'Counterpoint lets in a course’s instructors (as its teachers) and its learners (as students). Your LMS role is neither.',
    whatToDo:
      'If you should have access, ask the course’s instructor to enrol you as a student or a teacher.',
  },
  'class-not-ready': {
    status: 409,
    title: 'Your teacher has not set up this class yet',
    explanation:
      'The class for this course is made when its instructor first opens Counterpoint from the course.',
    whatToDo: 'Ask your teacher to open the Counterpoint activity once, then open it again.',
  },
  'other-teacher': {
    status: 403,
    title: 'This course’s class belongs to another teacher',
    explanation:
      'A Counterpoint class has one teacher: the instructor who first opened it from this course.',
    whatToDo:
      'Ask that teacher to share the work with you, or open Counterpoint from a course you teach.',
  },
  removed: {
    status: 403,
    title: 'You were removed from this class',
    explanation: 'Your teacher removed you from the Counterpoint class of this course.',
    whatToDo: 'Ask your teacher to add you back (Removed students on the class page).',
  },
  'login-bad-request': {
    status: 400,
    title: 'The LMS sent an incomplete login',
    explanation:
      'The login request from your LMS lacked its issuer, login hint or target link, or named an address outside Counterpoint.',
    whatToDo: capitalised(ADMIN),
  },
};

export function refusalPage(refusal: LtiRefusal): RefusalPage {
  return PAGES[refusal.reason];
}

/** An error that carries a refusal (lib/server/lti throws it; the routes render its page). */
export class LtiRefused extends Error {
  constructor(readonly refusal: LtiRefusal) {
    super(`LTI launch refused: ${refusal.reason}${refusal.detail ? ` (${refusal.detail})` : ''}`);
    this.name = 'LtiRefused';
  }
}
