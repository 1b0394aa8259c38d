import { z } from 'zod';
import { recordId } from './ids';

/** The admin's "Send again" on one delivery of the outbox. */
export const deliveryRef = z.object({ id: recordId });
