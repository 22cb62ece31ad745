import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;

function totpFor(secretBase32: string, label: string) {
  return new TOTP({
    issuer: 'Assay',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function enrolmentDetails(secretBase32: string, label: string) {
  const otpauthUri = totpFor(secretBase32, label).toString();
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret: secretBase32, otpauthUri, qrSvg };
}

/**
 * The time step a code belongs to (±1 step of clock drift), or null when it matches none.
 * Callers refuse a step at or before the last one accepted, so a code cannot be replayed.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code for a secret: for the CLI's demo helper and for tests. */
export function currentTotpCode(secretBase32: string, now = new Date()): string {
  return totpFor(secretBase32, '').generate({ timestamp: now.getTime() });
}
