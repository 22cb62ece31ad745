import { useTranslation } from 'react-i18next';
import { type CaseAttachment, type CaseDetail, casesApi } from '../../api/endpoints';
import { useFormat } from '../../i18n/format';

/** Where the goods were stopped and what the declaration says. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shipment = detail.shipment;
  const text = (key: string) => (typeof shipment[key] === 'string' ? (shipment[key] as string) : null);
  const value = typeof shipment.declaredValue === 'number' ? shipment.declaredValue : null;
  const small = typeof shipment.smallConsignment === 'boolean' ? shipment.smallConsignment : null;
  const mode = text('transportMode');
  const facts: [string, string | null][] = [
    [t('cases.facts.office'), [detail.office, detail.locode].filter(Boolean).join(' · ') || null],
    [t('cases.facts.country'), format.country(detail.countryCode)],
    [t('cases.facts.openedBy'), detail.openedBy.organisationName],
    [t('cases.facts.observedAt'), detail.observedAt ? format.dateTime(detail.observedAt) : null],
    [t('cases.facts.source'), t(`cases.sources.${detail.source}`)],
    [t('cases.facts.scannedCode'), detail.scannedCode],
    [t('cases.facts.transportMode'), mode ? t(`transportModes.${mode}`, { defaultValue: mode }) : null],
    [t('cases.facts.origin'), text('originCountry') ? format.country(text('originCountry')) : null],
    [
      t('cases.facts.destination'),
      text('destinationCountry') ? format.country(text('destinationCountry')) : null,
    ],
    [t('cases.facts.exporter'), text('exporterName')],
    [t('cases.facts.importer'), text('importerName')],
    [t('cases.facts.description'), text('description')],
    [t('cases.facts.hsCode'), text('hsCode')],
    [
      t('cases.facts.declaredValue'),
      value === null ? null : `${format.number(value)} ${text('currency') ?? ''}`.trim(),
    ],
    [t('cases.facts.smallConsignment'), small === null ? null : small ? t('common.yes') : t('common.no')],
    [t('cases.facts.perishable'), detail.perishable ? t('common.yes') : t('common.no')],
  ];
  return (
    <section aria-labelledby="case-facts" className="panel">
      <h2 id="case-facts">{t('cases.facts.title')}</h2>
      <dl className="facts case-facts">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, description]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{description}</dd>
            </div>
          ))}
      </dl>
      <h3>{t('cases.facts.goods')}</h3>
      {detail.goods.length === 0 ? (
        <p className="empty">{t('cases.facts.noGoods')}</p>
      ) : (
        <ul className="plain-list goods-lines">
          {detail.goods.map((line, index) => (
            // Goods lines have no id of their own; their order is fixed.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index}>
              <strong>{line.productName ?? line.description ?? '—'}</strong>
              {line.productName && line.description && line.description !== line.productName && (
                <> — {line.description}</>
              )}
              {line.quantity !== null && <> × {format.number(line.quantity)}</>}
            </li>
          ))}
        </ul>
      )}
      {detail.notes && (
        <>
          <h3>{t('cases.facts.notes')}</h3>
          <p className="prose-text">{detail.notes}</p>
        </>
      )}
    </section>
  );
}

/** Photos as thumbnails and other files as links, each opening in a new tab. */
export function AttachmentList({ caseId, attachments }: { caseId: string; attachments: CaseAttachment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attachments.length === 0) return null;
  return (
    <ul className="plain-list case-attachments">
      {attachments.map((attachment) => {
        const url = casesApi.attachmentUrl(caseId, attachment.id);
        const image = attachment.contentType.startsWith('image/');
        return (
          <li key={attachment.id}>
            <a
              href={url}
              target="_blank"
              rel="noopener"
              aria-label={t('cases.attachments.open', { name: attachment.fileName })}
            >
              {image ? (
                <img src={url} alt="" loading="lazy" className="case-thumb" />
              ) : (
                <span className="case-file">
                  {attachment.contentType === 'application/pdf' ? 'PDF' : '⎘'}
                </span>
              )}
              <span className="case-file-name">{attachment.fileName}</span>
            </a>
            <span className="muted">
              {t('cases.attachments.by', {
                organisation: attachment.organisationName,
                time: format.dateTime(attachment.createdAt),
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
