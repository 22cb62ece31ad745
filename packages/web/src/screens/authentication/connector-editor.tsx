import { CONNECTOR_KINDS, CONNECTOR_LIMITS, type ConnectorKind, connectorBody } from '@assay/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { authenticationApi, type Connector, portfolioApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { RadioGroup } from '../../components/choice-group';
import { ConfirmButton } from '../../components/confirm-button';
import { Field, SelectField } from '../../components/field';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { SubmitButton } from '../../components/submit-button';
import { useForm } from '../../components/use-form';
import { useContentLanguages } from '../../i18n/content-languages';
import { NotFound } from '../app/not-found';
import { usePortfolioScope } from '../portfolio/portfolio-scope';
import { BackToConnectors, ConnectorTabs } from './connector-tabs';
import { SigningSecret } from './signing-secret';
import { isNotFound } from './use-connector';

type Target = 'brand' | 'product';

const SERVER_PROBLEMS = {
  brandId: 'authentication.form.taken',
  productId: 'authentication.form.taken',
  url: 'authentication.form.urlRefused',
};

interface Draft {
  kind: ConnectorKind;
  name: string;
  target: Target;
  brandId: string;
  productId: string;
  url: string;
  timeoutMs: string;
  active: boolean;
}

function draftOf(connector: Connector | undefined): Draft {
  return {
    kind: connector?.kind ?? 'registry',
    name: connector?.name ?? '',
    target: connector?.productId ? 'product' : 'brand',
    brandId: connector?.brandId ?? '',
    productId: connector?.productId ?? '',
    url: connector?.url ?? '',
    timeoutMs: String(connector?.timeoutMs ?? CONNECTOR_LIMITS.timeoutMsDefault),
    active: connector?.active ?? true,
  };
}

function inputOf(draft: Draft) {
  const target = {
    name: draft.name,
    brandId: draft.target === 'brand' ? draft.brandId || null : null,
    productId: draft.target === 'product' ? draft.productId || null : null,
    active: draft.active,
  };
  if (draft.kind === 'endpoint')
    return { kind: draft.kind, ...target, url: draft.url, timeoutMs: Number(draft.timeoutMs) };
  if (draft.kind === 'resolver') return { kind: draft.kind, ...target, url: draft.url };
  return { kind: draft.kind, ...target };
}

/** Create a connector (`/authentication/connectors/new`) or change one. */
export function ConnectorEditor() {
  const { t } = useTranslation();
  const { connectorId } = useParams();
  const { rightsHolder } = usePortfolioScope();
  const existing = useResource(
    async () => (connectorId ? authenticationApi.connector(rightsHolder.id, connectorId) : undefined),
    [rightsHolder.id, connectorId],
  );
  if (connectorId && isNotFound(existing.error)) return <NotFound />;
  const connector = existing.data;
  return (
    <>
      <BackToConnectors />
      <PageHeading>
        {connector
          ? t('authentication.form.editTitle', { name: connector.name })
          : t('authentication.form.newTitle')}
      </PageHeading>
      {connector && <ConnectorTabs connector={connector} />}
      <FormError error={existing.error} />
      {existing.loading && <p role="status">{t('app.loading')}</p>}
      {!existing.loading && (!connectorId || connector) && (
        <ConnectorForm
          key={connector?.id ?? 'new'}
          rightsHolderId={rightsHolder.id}
          connector={connector}
          onSaved={(saved) => existing.update(() => saved)}
        />
      )}
    </>
  );
}

function ConnectorForm({
  rightsHolderId,
  connector,
  onSaved,
}: {
  rightsHolderId: string;
  connector: Connector | undefined;
  onSaved: (connector: Connector) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { reader } = useContentLanguages();
  const form = useForm({ serverProblems: SERVER_PROBLEMS });
  const [draft, setDraft] = useState<Draft>(() => draftOf(connector));
  const [secret, setSecret] = useState<{ value: string; connectorId: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [rotateError, setRotateError] = useState<unknown>(null);
  const brands = useResource(() => portfolioApi.brands(rightsHolderId), [rightsHolderId]);
  const products = useResource(
    () => portfolioApi.products(rightsHolderId, { lang: reader }),
    [rightsHolderId, reader],
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const submit = form.onSubmit(async () => {
    const body = form.check(connectorBody, inputOf(draft), {
      ...(draft.target === 'brand' && !draft.brandId
        ? { brandId: { key: 'authentication.form.noBrand' } }
        : {}),
      ...(draft.target === 'product' && !draft.productId
        ? { productId: { key: 'authentication.form.noProduct' } }
        : {}),
    });
    if (connector) {
      onSaved(await authenticationApi.updateConnector(rightsHolderId, connector.id, body));
      setAnnouncement(t('authentication.form.saved'));
      return;
    }
    const created = await authenticationApi.createConnector(rightsHolderId, body);
    if (created.signingSecret) setSecret({ value: created.signingSecret, connectorId: created.connector.id });
    else navigate(`/authentication/connectors/${created.connector.id}`);
  });

  const rotate = async () => {
    if (!connector) return;
    setRotateError(null);
    try {
      const rotated = await authenticationApi.rotateSecret(rightsHolderId, connector.id);
      setSecret({ value: rotated.signingSecret, connectorId: connector.id });
    } catch (error) {
      setRotateError(error);
    }
  };

  if (secret) {
    return (
      <SigningSecret
        secret={secret.value}
        onDone={() => {
          setSecret(null);
          if (!connector) navigate(`/authentication/connectors/${secret.connectorId}`);
        }}
      />
    );
  }

  const targetError = form.fieldError('brandId') ?? form.fieldError('productId');
  return (
    <>
      <form ref={form.formRef} onSubmit={submit} noValidate className="panel">
        <p role="status" className="announcement">
          {announcement}
        </p>
        <FormError
          error={form.error ?? brands.error ?? products.error}
          messages={{ conflict: t('authentication.form.conflict') }}
        />
        {connector ? (
          <p>
            <strong>{t('authentication.form.kind')}:</strong> {t(`authentication.kinds.${connector.kind}`)}
          </p>
        ) : (
          <RadioGroup<ConnectorKind>
            legend={t('authentication.form.kind')}
            name="kind"
            value={draft.kind}
            onChange={(kind) => set('kind', kind)}
            choices={CONNECTOR_KINDS.map((kind) => ({
              value: kind,
              label: t(`authentication.kinds.${kind}`),
              description: t(`authentication.kindDescriptions.${kind}`),
            }))}
          />
        )}
        <Field
          label={t('authentication.form.name')}
          hint={t('authentication.form.nameHint')}
          value={draft.name}
          maxLength={CONNECTOR_LIMITS.nameMax}
          onChange={(event) => set('name', event.target.value)}
          error={form.fieldError('name')}
          required
        />
        <RadioGroup<Target>
          legend={t('authentication.form.target')}
          name="target"
          value={draft.target}
          onChange={(target) => set('target', target)}
          error={targetError}
          choices={[
            { value: 'brand', label: t('authentication.form.targetBrand') },
            { value: 'product', label: t('authentication.form.targetProduct') },
          ]}
        />
        {draft.target === 'brand' ? (
          <SelectField
            label={t('authentication.form.brand')}
            value={draft.brandId}
            onChange={(event) => set('brandId', event.target.value)}
            error={form.fieldError('brandId')}
          >
            <option value="">{t('authentication.form.chooseBrand')}</option>
            {(brands.data?.brands ?? []).map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <SelectField
            label={t('authentication.form.product')}
            value={draft.productId}
            onChange={(event) => set('productId', event.target.value)}
            error={form.fieldError('productId')}
          >
            <option value="">{t('authentication.form.chooseProduct')}</option>
            {(products.data?.products ?? []).map((product) => (
              <option key={product.id} value={product.id}>
                {t('authentication.form.productOption', { name: product.name, brand: product.brandName })}
              </option>
            ))}
          </SelectField>
        )}
        {draft.kind !== 'registry' && (
          <Field
            label={t(
              draft.kind === 'endpoint' ? 'authentication.form.url' : 'authentication.form.resolverUrl',
            )}
            hint={t(
              draft.kind === 'endpoint'
                ? 'authentication.form.urlHint'
                : 'authentication.form.resolverUrlHint',
            )}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={draft.url}
            maxLength={CONNECTOR_LIMITS.urlMax}
            onChange={(event) => set('url', event.target.value)}
            error={form.fieldError('url')}
            required
          />
        )}
        {draft.kind === 'endpoint' && (
          <Field
            label={t('authentication.form.timeout')}
            hint={t('authentication.form.timeoutHint', {
              min: CONNECTOR_LIMITS.timeoutMsMin,
              max: CONNECTOR_LIMITS.timeoutMsMax,
            })}
            type="number"
            inputMode="numeric"
            min={CONNECTOR_LIMITS.timeoutMsMin}
            max={CONNECTOR_LIMITS.timeoutMsMax}
            step={50}
            value={draft.timeoutMs}
            onChange={(event) => set('timeoutMs', event.target.value)}
            error={form.fieldError('timeoutMs')}
          />
        )}
        <div className="choice">
          <input
            id="connector-active"
            type="checkbox"
            checked={draft.active}
            aria-describedby="connector-active-hint"
            onChange={(event) => set('active', event.target.checked)}
          />
          <div>
            <label htmlFor="connector-active" className="choice-label">
              {t('authentication.form.active')}
            </label>
            <p id="connector-active-hint" className="choice-description">
              {t('authentication.form.activeHint')}
            </p>
          </div>
        </div>
        <div className="form-footer">
          <SubmitButton busy={form.busy}>
            {connector ? t('authentication.form.save') : t('authentication.form.create')}
          </SubmitButton>
        </div>
      </form>
      {connector?.kind === 'endpoint' && (
        <section className="panel" aria-labelledby="rotate-secret">
          <h2 id="rotate-secret">{t('authentication.form.rotateTitle')}</h2>
          <p>{t('authentication.form.rotateIntro')}</p>
          <FormError error={rotateError} />
          <ConfirmButton
            label={t('authentication.form.rotate')}
            question={t('authentication.form.rotateQuestion')}
            confirmLabel={t('authentication.form.rotateConfirm')}
            onConfirm={rotate}
          />
        </section>
      )}
    </>
  );
}
