import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { TwoFactorSection } from './two-factor-section';

export function Account() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <ProfileForm />
      <PasswordForm />
      <TwoFactorSection />
    </>
  );
}
