import { createHmac } from 'node:crypto';

/** The headers of every webhook request (lower case, as Node reports them). */
export const WEBHOOK_HEADERS = {
  timestamp: 'assay-timestamp',
  eventId: 'assay-event-id',
  signature: 'assay-signature',
} as const;

/**
 * The `assay-signature` value: `v1=` and the hex HMAC-SHA256, keyed with the webhook's signing
 * secret, of `<timestamp>.<body>`. The timestamp is inside the MAC so a captured request cannot be
 * replayed later; the event id is inside the body.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
