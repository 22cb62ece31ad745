import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstHeading = true;

/**
 * The page's h1. It takes focus when it appears (after navigation or a step of a flow) so screen
 * readers announce the new page, except on the very first page load where focus starts at the top.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    ref.current?.focus();
  }, []);

  useEffect(() => {
    const text = ref.current?.textContent;
    document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  });

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
