import { parseGs1, type VerificationView } from '@assay/core';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError, request } from '../../api/client';
import { useOnline } from '../../offline/use-online';
import { useSession } from '../../session/session-context';

/** Whether a scanned or typed code can be verified: it names a product (GTIN) and a pack (AI 21). */
export function hasSerial(code: string | null | undefined): code is string {
  if (!code) return false;
  const parsed = parseGs1(code);
  return parsed.ok && parsed.gtin !== null && parsed.serial !== null;
}

/**
 * Every verification is recorded and feeds the clone rules (a burst of checks of one serial is
 * suspicious), so a code is verified once per opening: per history entry, not per render. The lookup
 * hands its entry on to the guide it opens, through the location state built here.
 */
export interface VerificationEntryState {
  verificationEntry: string;
}

export function verificationEntryState(entry: string): VerificationEntryState {
  return { verificationEntry: entry };
}

function entryOf(location: { key: string; state: unknown }): string {
  const state = location.state as Partial<VerificationEntryState> | null;
  return typeof state?.verificationEntry === 'string' ? state.verificationEntry : location.key;
}

/** The history entry a verification belongs to (the lookup's, when the guide was opened from it). */
export function useVerificationEntry(): string {
  return entryOf(useLocation());
}

const KEPT = 20;
const started = new Map<string, Promise<VerificationView>>();

function verify(key: string, code: string): Promise<VerificationView> {
  const known = started.get(key);
  if (known) return known;
  const pending = request<VerificationView>('POST', '/verifications', { body: { code } });
  started.set(key, pending);
  // A request that never reached the server is made again when the officer is back online.
  pending.catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 0 && started.get(key) === pending) started.delete(key);
  });
  for (const oldest of started.keys()) {
    if (started.size <= KEPT) break;
    started.delete(oldest);
  }
  return pending;
}

export type Verification =
  | { status: 'none' }
  | { status: 'checking' }
  | { status: 'done'; view: VerificationView }
  | { status: 'offline' }
  | { status: 'failed'; error: unknown };

/** Verifies the code once for this history entry and signed-in person, when it carries a serial. */
export function useVerification(code: string | null): Verification {
  const entry = useVerificationEntry();
  const { session } = useSession();
  const online = useOnline();
  const verifiable = useMemo(() => hasSerial(code), [code]);
  const key = `${session.user?.id ?? ''}|${entry}|${code ?? ''}`;
  const [result, setResult] = useState<{ key: string; verification: Verification } | null>(null);

  useEffect(() => {
    if (!verifiable || !code) return;
    if (!online && !started.has(key)) {
      setResult({ key, verification: { status: 'offline' } });
      return;
    }
    let current = true;
    // A check already answered stays on screen when the connection drops and comes back.
    setResult((shown) =>
      shown?.key === key && shown.verification.status === 'done'
        ? shown
        : { key, verification: { status: 'checking' } },
    );
    verify(key, code).then(
      (view) => current && setResult({ key, verification: { status: 'done', view } }),
      (error: unknown) => {
        if (!current) return;
        const offline = error instanceof ApiError && error.status === 0;
        setResult({ key, verification: offline ? { status: 'offline' } : { status: 'failed', error } });
      },
    );
    return () => {
      current = false;
    };
  }, [key, code, verifiable, online]);

  if (!verifiable) return { status: 'none' };
  return result?.key === key ? result.verification : { status: 'checking' };
}
