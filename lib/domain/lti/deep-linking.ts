/**
 * Deep Linking 2.0 (1EdTech): the LtiDeepLinkingResponse the tool returns when a teacher picks
 * an assignment to add to their course: one ltiResourceLink content item that carries the
 * assignment's id as a custom parameter (so its launches open it) and, when the assignment is
 * graded and the platform accepts line items, a line item with the rubric's maximum (the LMS
 * makes the gradebook column, and sends it back on launches for AGS).
 */
import { ASSIGNMENT_PARAM, CLAIM, LTI_VERSION } from './claims';

export interface DeepLinkChoice {
  assignmentId: string;
  title: string;
  text: string;
  /** The rubric's total points; null or 0: not graded. */
  scoreMaximum: number | null;
}

export interface DeepLinkReturn {
  clientId: string;
  issuer: string;
  deploymentId: string;
  launchUrl: string;
  data: string | null;
  acceptLineItem: boolean;
}

/** The claims of the response JWT (signed by the tool's key; iat and exp are added there). */
export function deepLinkingResponse(
  ret: DeepLinkReturn,
  choice: DeepLinkChoice,
  nonce: string,
): Record<string, unknown> {
  const item: Record<string, unknown> = {
    type: 'ltiResourceLink',
    title: choice.title,
    text: choice.text,
    url: ret.launchUrl,
    custom: { [ASSIGNMENT_PARAM]: choice.assignmentId },
    window: { targetName: '_blank' },
  };
  if (ret.acceptLineItem && choice.scoreMaximum && choice.scoreMaximum > 0) {
    item.lineItem = {
      label: choice.title,
      scoreMaximum: choice.scoreMaximum,
      resourceId: choice.assignmentId,
      tag: 'counterpoint',
    };
  }
  return {
    iss: ret.clientId,
    aud: ret.issuer,
    azp: ret.clientId,
    nonce,
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: ret.deploymentId,
    [CLAIM.contentItems]: [item],
    ...(ret.data !== null ? { [CLAIM.deepLinkingData]: ret.data } : {}),
    [CLAIM.deepLinkingMsg]: `Added “${choice.title}” from Counterpoint.`,
  };
}
