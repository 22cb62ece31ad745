import { z } from 'zod';
import { timestamp, uuid } from './common.js';

export const WEBHOOK_LIMITS = {
  urlMax: 500,
  /** The delivery log shows this many of the latest attempts. */
  deliveriesShown: 100,
} as const;

/** What became of one attempt to deliver an event. */
export const WEBHOOK_DELIVERY_OUTCOMES = ['delivered', 'http_error', 'timeout', 'unreachable'] as const;
export type WebhookDeliveryOutcome = (typeof WEBHOOK_DELIVERY_OUTCOMES)[number];

/** `pending` until a 2xx answer; `failed` once every retry is spent (kept, never deleted). */
export const WEBHOOK_EVENT_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

/** An absolute http(s) URL without credentials or fragment; https is enforced by the server in production. */
const webhookUrl = z
  .string()
  .trim()
  .max(WEBHOOK_LIMITS.urlMax)
  .pipe(z.url({ protocol: /^https?$/ }))
  .refine(
    (value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value) && !value.includes('#'),
    'A webhook URL may not hold credentials or a fragment',
  );

export const webhookBody = z.object({ url: webhookUrl, active: z.boolean().default(true) });
export type WebhookBody = z.infer<typeof webhookBody>;

export const webhookView = z
  .object({
    id: uuid,
    url: z.string(),
    active: z.boolean(),
    /** Events waiting for delivery (or for their next retry). */
    pendingEvents: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.infer<typeof webhookView>;

export const webhookStateView = z.object({ webhook: webhookView.nullable() });

/** The signing secret is returned once, when the webhook is created; later saves keep it and return null. */
export const webhookSavedView = z.object({ webhook: webhookView, signingSecret: z.string().nullable() });

export const webhookTestView = z.object({ eventId: uuid });

export const webhookDeliveryView = z
  .object({
    eventId: uuid,
    eventType: z.string(),
    at: timestamp,
    outcome: z.enum(WEBHOOK_DELIVERY_OUTCOMES),
    httpStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    detail: z.string().nullable(),
    /** 1 for the first try of the event, 2 for its first retry... */
    attempt: z.number().int(),
    eventStatus: z.enum(WEBHOOK_EVENT_STATUSES),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;

export const webhookDeliveriesView = z.object({ deliveries: z.array(webhookDeliveryView) });
