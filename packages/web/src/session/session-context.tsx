import type { Permission, SessionView } from '@assay/core';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthorisedHandler } from '../api/client';
import { sessionApi } from '../api/endpoints';
import { FormError } from '../components/form-error';
import { chooseLocale } from '../i18n/i18n';
import { clearCachedGuides, clearOfflineData } from '../offline/clear';
import type { OutboxEntry } from '../offline/db';
import {
  clearSignOutPending,
  markSignOutPending,
  rememberSession,
  savedSession,
  signOutPending,
} from '../offline/offline-session';
import { flushWithin, undeliveredReports } from '../offline/outbox';
import { SignOutConfirm } from './sign-out-confirm';

interface SessionContextValue {
  session: SessionView;
  /** Adopt a SessionView the server just returned (sign-in steps, account changes). */
  setSession: (view: SessionView) => void;
  refresh: () => Promise<void>;
  /** Resolves false when the officer chose to stay signed in (reports still waiting to be sent). */
  signOut: () => Promise<boolean>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; session: SessionView };

/** Before signing out, waiting reports get this long to reach the server. */
const SIGN_OUT_FLUSH_MS = 10_000;

function signedOut(demo: boolean): SessionView {
  return {
    user: null,
    stage: null,
    organisation: null,
    membershipStatus: null,
    roles: [],
    permissions: [],
    csrfToken: null,
    demo,
  };
}

function isNoAnswer(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** Loads the session once, keeps it current, and follows the signed-in user's language. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [confirming, setConfirming] = useState<{
    reports: OutboxEntry[];
    answer: (signOut: boolean) => void;
  } | null>(null);
  const demo = useRef(false);

  /**
   * Every session the server returns passes here: an active one is kept for offline starts, and
   * when it belongs to someone else than the device's previous owner, that person's cached guides
   * and alerts go before anything is shown.
   */
  const adopt = useCallback(async (session: SessionView) => {
    demo.current = session.demo;
    if (rememberSession(session)) {
      setState({ status: 'loading' });
      await clearCachedGuides().catch(() => undefined);
    }
    setState({ status: 'ready', session });
  }, []);

  const refresh = useCallback(async () => {
    if (signOutPending()) {
      // The previous sign-out never reached the server: end that session before asking who is signed in.
      try {
        await sessionApi.signOut();
      } catch (error) {
        if (isNoAnswer(error)) {
          setState({ status: 'ready', session: signedOut(demo.current) });
          return;
        }
      }
      clearSignOutPending();
    }
    try {
      await adopt(await sessionApi.get());
    } catch (error) {
      setState((current) => {
        // A background refresh that fails (a captive portal, a bad gateway) keeps the page as it is.
        if (current.status === 'ready') return current;
        // Offline: open with the last active session so saved guides and the outbox stay usable.
        const saved = error instanceof ApiError && error.status === 0 ? savedSession() : null;
        return saved ? { status: 'ready', session: saved } : { status: 'failed', error };
      });
    }
  }, [adopt]);

  useEffect(() => {
    void refresh();
    setUnauthorisedHandler(() => void refresh());
    // Back online: the real session (and a fresh CSRF token) replaces the saved one.
    const onOnline = () => void refresh();
    window.addEventListener('online', onOnline);
    return () => {
      setUnauthorisedHandler(null);
      window.removeEventListener('online', onOnline);
    };
  }, [refresh]);

  // The account's language applies once signed in; sign-in steps stay in the language chosen on the page.
  const userLocale =
    state.status === 'ready' && state.session.stage === 'active' ? state.session.user?.locale : undefined;
  useEffect(() => {
    if (userLocale && userLocale !== i18n.language) void chooseLocale(userLocale);
  }, [userLocale, i18n]);

  const value = useMemo<SessionContextValue | null>(() => {
    if (state.status !== 'ready') return null;
    // Reports belong to a fully signed-in person; a sign-in abandoned half-way has none to send.
    const userId = state.session.stage === 'active' ? (state.session.user?.id ?? null) : null;
    return {
      session: state.session,
      setSession: (session) => {
        // A sign-in step answered: the cookie is a new session, not the one whose sign-out is pending.
        clearSignOutPending();
        void adopt(session);
      },
      refresh,
      signOut: async () => {
        if (userId) {
          if (navigator.onLine) await flushWithin(userId, SIGN_OUT_FLUSH_MS);
          const waiting = await undeliveredReports(userId).catch(() => []);
          if (waiting.length > 0) {
            const leave = await new Promise<boolean>((answer) => setConfirming({ reports: waiting, answer }));
            setConfirming(null);
            if (!leave) return false;
          }
        }
        try {
          await sessionApi.signOut();
        } catch (error) {
          if (isNoAnswer(error)) markSignOutPending();
        }
        await clearOfflineData(userId).catch(() => undefined);
        setState({ status: 'ready', session: signedOut(state.session.demo) });
        if (!signOutPending()) void refresh();
        return true;
      },
    };
  }, [state, refresh, adopt]);

  if (state.status === 'loading') {
    return (
      <p className="boot" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <main className="boot">
        <h1>{t('app.name')}</h1>
        <FormError error={state.error} />
        <button type="button" onClick={() => void refresh()}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  return (
    <SessionContext.Provider value={value}>
      {children}
      {confirming && <SignOutConfirm reports={confirming.reports} onAnswer={confirming.answer} />}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

export function useCan(permission: Permission): boolean {
  return useSession().session.permissions.includes(permission);
}
