import { useTranslation } from 'react-i18next';
import { bulkApi } from '../../api/endpoints';
import { FileImport } from '../../components/file-import';
import { PageHeading } from '../../components/page-heading';
import { useFormat } from '../../i18n/format';
import { usePortfolioScope } from './portfolio-scope';

/** The whole portfolio as a spreadsheet: template, export, and an all-or-nothing import. */
export function ImportExport() {
  const { t } = useTranslation();
  const format = useFormat();
  const { rightsHolder } = usePortfolioScope();
  const counts = (value: { created: number; updated: number; unchanged: number }) =>
    t('bulk.counts', {
      created: format.number(value.created),
      updated: format.number(value.updated),
      unchanged: format.number(value.unchanged),
    });

  return (
    <>
      <PageHeading>{t('bulk.title')}</PageHeading>
      <p className="lead">{t('bulk.intro')}</p>
      <section className="panel" aria-labelledby="bulk-export">
        <h2 id="bulk-export">{t('bulk.exportTitle')}</h2>
        <p>{t('bulk.exportIntro')}</p>
        <ul className="link-list">
          <li>
            <a href={bulkApi.exportUrl(rightsHolder.id, 'xlsx')} download>
              {t('bulk.exportXlsx')}
            </a>
          </li>
          <li>
            <a href={bulkApi.exportUrl(rightsHolder.id, 'csv')} download>
              {t('bulk.exportCsv')}
            </a>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="bulk-import">
        <h2 id="bulk-import">{t('bulk.importTitle')}</h2>
        <p>{t('bulk.importIntro')}</p>
        <ul className="link-list">
          <li>
            <a href={bulkApi.templateUrl(rightsHolder.id, 'xlsx')} download>
              {t('bulk.templateXlsx')}
            </a>
          </li>
          <li>
            <a href={bulkApi.templateUrl(rightsHolder.id, 'csv')} download>
              {t('bulk.templateCsv')}
            </a>
          </li>
        </ul>
        <FileImport
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          fileLabel={t('bulk.file')}
          fileHint={t('bulk.fileHint')}
          submitLabel={t('bulk.import')}
          onImport={async (file) => {
            const result = await bulkApi.import(rightsHolder.id, file);
            return t('bulk.imported', { brands: counts(result.brands), products: counts(result.products) });
          }}
        />
      </section>
    </>
  );
}
