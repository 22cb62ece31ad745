import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import type { SavedGuide } from '../../offline/db';
import { forgetGuide } from '../../offline/saved-guides';
import { useSavedGuides } from '../../offline/use-offline-list';
import { useSession } from '../../session/session-context';

/** Guides readable without network on this device: those pinned, and the last ones opened. */
export function SavedGuides() {
  const { t } = useTranslation();
  const { session } = useSession();
  const userId = session.user?.id;
  const guides = useSavedGuides(userId);
  const pinned = guides?.filter((guide) => guide.pinned) ?? [];
  const recent = guides?.filter((guide) => !guide.pinned) ?? [];

  return (
    <>
      <PageHeading>{t('offline.savedTitle')}</PageHeading>
      <p className="lead">{t('offline.savedIntro')}</p>
      <section aria-labelledby="pinned-title">
        <h2 id="pinned-title">{t('offline.pinnedTitle')}</h2>
        {guides && pinned.length === 0 && <p className="empty">{t('offline.noPinned')}</p>}
        <SavedList guides={pinned} userId={userId} />
      </section>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('offline.recentTitle')}</h2>
        {guides && recent.length === 0 && <p className="empty">{t('offline.noRecent')}</p>}
        <SavedList guides={recent} userId={userId} />
      </section>
    </>
  );
}

function SavedList({ guides, userId }: { guides: SavedGuide[]; userId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (guides.length === 0) return null;
  return (
    <ul className="plain-list record-list">
      {guides.map((guide) => (
        <li key={guide.productId} className="card saved-guide">
          <p className="record-name">
            <Link to={`/guides/${guide.productId}`}>{guide.name}</Link>
          </p>
          <p className="muted">
            {guide.brandName} · {t('offline.openedAt', { time: format.dateTime(guide.openedAt) })}
          </p>
          {userId && (
            <button
              type="button"
              className="button-secondary"
              aria-label={t(guide.pinned ? 'offline.unpinNamed' : 'offline.removeNamed', {
                name: guide.name,
              })}
              onClick={() => void forgetGuide(guide.productId, userId)}
            >
              {guide.pinned ? t('offline.unpin') : t('offline.remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
