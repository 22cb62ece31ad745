import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { notificationText } from './notification-text';
import { useNotifications } from './use-notifications';

const PANEL_WIDTH_PX = 416;
const MARGIN_PX = 16;

function BellIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor">
      <path strokeWidth="2" strokeLinejoin="round" d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path strokeWidth="2" strokeLinecap="round" d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** The header's bell: the unread count, and a panel of the latest case events linking to each case. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const location = useLocation();
  const { data, failed, markRead } = useNotifications(session.user?.id);
  const [open, setOpen] = useState(false);
  const [markFailed, setMarkFailed] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const headingId = useId();
  const [panelLeft, setPanelLeft] = useState<number | undefined>(undefined);

  // The panel hangs from the bell's right edge, moved right when that would take it off a phone's screen.
  useLayoutEffect(() => {
    if (!open || !containerRef.current) return;
    const bell = containerRef.current.getBoundingClientRect();
    const width = Math.min(PANEL_WIDTH_PX, document.documentElement.clientWidth - 2 * MARGIN_PX);
    setPanelLeft(Math.max(MARGIN_PX - bell.left, bell.width - width));
  }, [open]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close whenever the page changes.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  const mark = (ids?: string[]) => {
    setMarkFailed(false);
    markRead(ids).catch(() => setMarkFailed(true));
  };

  return (
    <div className="user-menu notification-bell" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button-ghost"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.title')}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="badge badge-bad" aria-hidden="true">
            {unread > 99 ? '99+' : format.number(unread)}
          </span>
        )}
      </button>
      <section
        id={panelId}
        className="user-menu-panel"
        aria-labelledby={headingId}
        hidden={!open}
        style={{
          width: `min(${PANEL_WIDTH_PX}px, calc(100vw - ${2 * MARGIN_PX}px))`,
          left: panelLeft,
          right: 'auto',
          maxHeight: '70vh',
          overflowY: 'auto',
        }}
      >
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: '1rem' }}
        >
          <h2 id={headingId} style={{ margin: 0, fontSize: '1.1rem' }}>
            {t('notifications.title')}
          </h2>
          <button type="button" className="button-ghost" disabled={unread === 0} onClick={() => mark()}>
            {t('notifications.markAllRead')}
          </button>
        </div>
        {markFailed && <p role="alert">{t('notifications.markFailed')}</p>}
        {failed && !data && <p role="alert">{t('notifications.loadFailed')}</p>}
        {data?.notifications.length === 0 && <p>{t('notifications.empty')}</p>}
        {data && data.notifications.length > 0 && (
          <ul>
            {data.notifications.map((item) => {
              const text = notificationText(item, t, format.locale);
              return (
                <li key={item.id} style={{ padding: '0.5rem 0', borderTop: '1px solid var(--color-border)' }}>
                  {item.caseId ? (
                    <Link
                      to={`/cases/${item.caseId}`}
                      style={{ fontWeight: item.readAt ? 'normal' : 600 }}
                      onClick={() => {
                        if (!item.readAt) mark([item.id]);
                      }}
                    >
                      {text}
                    </Link>
                  ) : (
                    <span style={{ fontWeight: item.readAt ? 'normal' : 600 }}>{text}</span>
                  )}
                  {!item.readAt && <span className="visually-hidden"> ({t('notifications.unread')})</span>}
                  <br />
                  <small style={{ color: 'var(--color-muted)' }}>{format.dateTime(item.createdAt)}</small>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
