import type { Permission, SessionView } from '@assay/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthorisedHandler } from '../api/client';
import { sessionApi } from '../api/endpoints';
import { FormError } from '../components/form-error';
import { chooseLocale } from '../i18n/i18n';
import { clearCachedGuides, clearOfflineData } from '../offline/clear';
import { rememberSession, savedSession } from '../offline/offline-session';

interface SessionContextValue {
  session: SessionView;
  /** Adopt a SessionView the server just returned (sign-in steps, account changes). */
  setSession: (view: SessionView) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; session: SessionView };

/** Loads the session once, keeps it current, and follows the signed-in user's language. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const session = await sessionApi.get();
      if (rememberSession(session)) await clearCachedGuides();
      setState({ status: 'ready', session });
    } catch (error) {
      // Offline: open with the last active session so saved guides and the outbox stay usable.
      const saved = error instanceof ApiError && error.status === 0 ? savedSession() : null;
      setState(saved ? { status: 'ready', session: saved } : { status: 'failed', error });
    }
  }, []);

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
    return {
      session: state.session,
      setSession: (session) => setState({ status: 'ready', session }),
      refresh,
      signOut: async () => {
        await sessionApi.signOut().catch(() => undefined);
        await clearOfflineData().catch(() => undefined);
        await refresh();
      },
    };
  }, [state, refresh]);

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
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

export function useCan(permission: Permission): boolean {
  return useSession().session.permissions.includes(permission);
}
