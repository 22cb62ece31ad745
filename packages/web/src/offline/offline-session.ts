import type { SessionView } from '@assay/core';

/**
 * Who was signed in, kept on the device so the app opens offline (the session endpoint itself is
 * never cached). Without the CSRF token: it is fetched again once the network is back.
 */
const SESSION_KEY = 'assay.offline.session';
/** The person whose guides and reports this device holds; kept until they sign out. */
const OWNER_KEY = 'assay.offline.owner';
/**
 * Set when signing out could not reach the server: the session cookie is still valid, so the app
 * shows sign-in and ends that session on the server before asking it who is signed in.
 */
const SIGN_OUT_PENDING_KEY = 'assay.offline.signOutPending';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Keeps an active session for offline starts. Returns true when someone else's offline data is still
 * on the device (a session ended without signing out): the caller drops it before showing anything.
 */
export function rememberSession(session: SessionView): boolean {
  const store = storage();
  if (!store) return false;
  if (session.stage !== 'active' || !session.user) {
    store.removeItem(SESSION_KEY);
    return false;
  }
  const previousOwner = store.getItem(OWNER_KEY);
  store.setItem(SESSION_KEY, JSON.stringify({ ...session, csrfToken: null }));
  store.setItem(OWNER_KEY, session.user.id);
  return previousOwner !== null && previousOwner !== session.user.id;
}

/** The last active session, for an app started without network. */
export function savedSession(): SessionView | null {
  const text = storage()?.getItem(SESSION_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as SessionView;
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  storage()?.removeItem(SESSION_KEY);
  storage()?.removeItem(OWNER_KEY);
}

export function markSignOutPending(): void {
  storage()?.setItem(SIGN_OUT_PENDING_KEY, '1');
}

export function signOutPending(): boolean {
  return storage()?.getItem(SIGN_OUT_PENDING_KEY) === '1';
}

export function clearSignOutPending(): void {
  storage()?.removeItem(SIGN_OUT_PENDING_KEY);
}
