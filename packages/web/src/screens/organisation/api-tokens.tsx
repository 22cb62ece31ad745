import { apiTokenBody, TOKEN_SCOPES, type TokenScope } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, type ApiTokenCreated, organisationApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup } from '../../components/choice-group';
import { ConfirmButton } from '../../components/confirm-button';
import { CopyButton } from '../../components/copy-button';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { StatusBadge } from '../../components/status-badge';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useFormat } from '../../i18n/format';

/** A date picked in the form means "valid through that whole day" where the admin is. */
function endOfDay(date: string): string | undefined {
  return date ? new Date(`${date}T23:59:59`).toISOString() : undefined;
}

function tokenStatus(token: ApiToken): string {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) < Date.now()) return 'expired';
  return 'active';
}

/** Machine tokens for the organisation's own systems; a new token's secret is shown once. */
export function ApiTokens() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useResource(() => organisationApi.apiTokens(), []);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['organisation:read']);
  const [expiresOn, setExpiresOn] = useState('');
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const form = useForm();

  const submit = form.onSubmit(async () => {
    const body = form.check(apiTokenBody, { name, scopes, expiresAt: endOfDay(expiresOn) });
    const token = await organisationApi.createApiToken(body);
    const { token: _secret, ...view } = token;
    tokens.update((current) => ({ tokens: [view, ...current.tokens] }));
    setCreated(token);
    setName('');
    setExpiresOn('');
  });

  const revoke = async (token: ApiToken) => {
    setRevokeError(null);
    try {
      await organisationApi.revokeApiToken(token.id);
      tokens.reload();
    } catch (error) {
      setRevokeError(error);
    }
  };

  const columns: Column<ApiToken>[] = [
    {
      header: t('apiTokens.name'),
      render: (token) => (
        <>
          <strong>{token.name}</strong>
          <br />
          <code className="muted">{token.prefix}…</code>
        </>
      ),
    },
    {
      header: t('apiTokens.scopes'),
      render: (token) => format.list(token.scopes.map((scope) => t(`scopes.${scope}`))),
    },
    { header: t('members.status'), render: (token) => <StatusBadge status={tokenStatus(token)} /> },
    { header: t('apiTokens.createdBy'), render: (token) => token.createdBy ?? '' },
    { header: t('apiTokens.created'), render: (token) => format.dateTime(token.createdAt) },
    {
      header: t('apiTokens.expires'),
      render: (token) => (token.expiresAt ? format.dateTime(token.expiresAt) : t('apiTokens.never')),
    },
    {
      header: t('apiTokens.lastUsed'),
      render: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('apiTokens.neverUsed')),
    },
    {
      header: t('common.actions'),
      render: (token) =>
        tokenStatus(token) === 'active' ? (
          <ConfirmButton
            label={t('apiTokens.revoke')}
            accessibleLabel={t('apiTokens.revokeNamed', { name: token.name })}
            question={t('apiTokens.revokeQuestion', { name: token.name })}
            confirmLabel={t('apiTokens.revoke')}
            onConfirm={() => revoke(token)}
          />
        ) : null,
    },
  ];

  return (
    <>
      <PageHeading>{t('apiTokens.title')}</PageHeading>
      <p className="lead">{t('apiTokens.intro')}</p>
      {created && (
        <section className="panel panel-highlight" aria-labelledby="token-created">
          <h2 id="token-created">{t('apiTokens.createdTitle', { name: created.name })}</h2>
          <p>{t('apiTokens.showOnce')}</p>
          <Field label={t('apiTokens.secret')} readOnly value={created.token} className="mono" />
          <div className="actions">
            <CopyButton text={created.token} />
            <button type="button" onClick={() => setCreated(null)}>
              {t('apiTokens.done')}
            </button>
          </div>
        </section>
      )}
      <section className="panel" aria-labelledby="token-new">
        <h2 id="token-new">{t('apiTokens.newTitle')}</h2>
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <FormError error={form.error} />
          <Field
            label={t('apiTokens.name')}
            hint={t('apiTokens.nameHint')}
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={form.fieldError('name')}
          />
          <CheckboxGroup
            legend={t('apiTokens.scopes')}
            value={scopes}
            onChange={setScopes}
            error={form.fieldError('scopes')}
            choices={TOKEN_SCOPES.map((scope) => ({ value: scope, label: t(`scopes.${scope}`) }))}
          />
          <Field
            label={t('apiTokens.expiresOn')}
            hint={t('fields.optional')}
            type="date"
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
            error={form.fieldError('expiresAt')}
          />
          <SubmitButton busy={form.busy}>{t('apiTokens.create')}</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="token-list">
        <h2 id="token-list">{t('apiTokens.listTitle')}</h2>
        <FormError error={tokens.error ?? revokeError} />
        {tokens.loading && !tokens.data && <p role="status">{t('app.loading')}</p>}
        {tokens.data && (
          <DataTable
            caption={t('apiTokens.listTitle')}
            columns={columns}
            rows={tokens.data.tokens}
            rowKey={(token) => token.id}
            empty={t('apiTokens.empty')}
          />
        )}
      </section>
    </>
  );
}
