// One-time codes for accounts with two-factor authentication, as an authenticator app would show.
import { Secret, TOTP } from 'otpauth';

const PERIOD_MS = 30_000;

function normalise(secretBase32: string): Secret {
  return Secret.fromBase32(secretBase32.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase());
}

/** The 6-digit SHA-1 code for `timestamp` (default now), 30-second period. */
export function totp(secretBase32: string, timestamp: number = Date.now()): string {
  return TOTP.generate({
    secret: normalise(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The current code, first waiting for the next period if fewer than `minRemainingMs` are left in this one. */
export async function freshTotp(secretBase32: string, minRemainingMs = 3_000): Promise<string> {
  const remaining = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (remaining < minRemainingMs) await sleep(remaining + 50);
  return totp(secretBase32);
}

/** Wait for the next 30-second period and return its code (for servers refusing a code used twice). */
export async function nextTotp(secretBase32: string): Promise<string> {
  await sleep(PERIOD_MS - (Date.now() % PERIOD_MS) + 50);
  return totp(secretBase32);
}
