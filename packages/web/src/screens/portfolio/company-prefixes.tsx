import { companyPrefixesBody } from '@assay/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companyPrefixesApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ChipsField } from '../../components/chips-field';
import { FormError } from '../../components/form-error';
import { SubmitButton } from '../../components/submit-button';
import { listError, useForm } from '../../components/use-form';

/**
 * The GS1 company prefixes the rights holder licenses. An officer who scans a GTIN that no shared
 * guide carries is told whose prefix it is and whom to call.
 */
export function CompanyPrefixes({ rightsHolderId }: { rightsHolderId: string }) {
  const { t } = useTranslation();
  const stored = useResource(() => companyPrefixesApi.list(rightsHolderId), [rightsHolderId]);
  const [prefixes, setPrefixes] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  // The server names the prefix another rights holder declared by its index in the list.
  const form = useForm({
    serverProblems: Object.fromEntries(
      prefixes.map((_, index) => [`prefixes.${index}`, 'companyPrefixes.taken']),
    ),
  });

  useEffect(() => {
    if (stored.data) setPrefixes(stored.data.prefixes.map((item) => item.prefix));
  }, [stored.data]);

  const submit = form.onSubmit(async () => {
    const body = form.check(companyPrefixesBody, { prefixes });
    const saved = await companyPrefixesApi.replace(rightsHolderId, body.prefixes);
    stored.update(() => saved);
    setAnnouncement(t('companyPrefixes.saved', { count: saved.prefixes.length }));
  });

  return (
    <section className="panel" aria-labelledby="company-prefixes">
      <h2 id="company-prefixes">{t('companyPrefixes.title')}</h2>
      <p>{t('companyPrefixes.intro')}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <FormError error={stored.error} />
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError error={form.error} messages={{ conflict: t('companyPrefixes.taken') }} />
        <ChipsField
          label={t('companyPrefixes.label')}
          hint={t('companyPrefixes.hint')}
          values={prefixes}
          onChange={setPrefixes}
          maxLength={12}
          error={listError(form.fieldError, 'prefixes', prefixes.length)}
        />
        <SubmitButton busy={form.busy}>{t('companyPrefixes.save')}</SubmitButton>
      </form>
    </section>
  );
}
