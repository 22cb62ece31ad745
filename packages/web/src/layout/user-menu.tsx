import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../session/session-context';

/** The signed-in person's name, opening their account link and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

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

  const user = session.user;
  if (!user) return null;

  const leave = async () => {
    if (await signOut()) navigate('/sign-in');
  };

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button-ghost"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('userMenu.label', { name: user.name })}
        onClick={() => setOpen((value) => !value)}
      >
        {user.name}
      </button>
      <div id={menuId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-email">{user.email}</p>
        <ul>
          <li>
            <Link to="/account">{t('nav.account')}</Link>
          </li>
          <li>
            <button type="button" className="button-ghost" onClick={() => void leave()}>
              {t('userMenu.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
