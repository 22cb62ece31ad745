import type { SearchResult } from '@assay/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { imageUrl } from '../../api/endpoints';
import { LanguageMarker } from '../../components/shown-text';
import { useFormat } from '../../i18n/format';
import { displayGtin } from '../portfolio/product-draft';
import { guidePath } from './search-query';
import './officer.css';

/** Products as large tap targets: picture, name (its language marked if not the reader's), owner, GTINs. */
export function ResultList({
  results,
  reader,
  code,
  linkState,
  label,
}: {
  results: SearchResult[];
  reader: string;
  /** The scanned code, passed on to the guide. */
  code?: string | undefined;
  /** Passed to the guide with the link (the verification of the scanned code). */
  linkState?: unknown;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="results" aria-label={label}>
      {results.map((result) => (
        <li key={result.productId}>
          <Link className="result" to={guidePath(result.productId, code)} state={linkState}>
            {result.imageId ? (
              <img
                className="result-thumb"
                src={imageUrl(result.imageId, 'thumbnail')}
                alt=""
                loading="lazy"
                width={64}
                height={64}
              />
            ) : (
              <span className="result-thumb" aria-hidden="true" />
            )}
            <span className="result-text">
              <span className="result-name">
                <span lang={result.nameLanguage}>{result.name}</span>
                {result.nameLanguage !== reader && (
                  <>
                    {' '}
                    <LanguageMarker language={result.nameLanguage} />
                  </>
                )}
              </span>
              <span className="muted">
                {result.brandName} · {result.rightsHolderName}
              </span>
              {result.gtins.length > 0 && (
                <span>
                  <span className="visually-hidden">{t('products.gtins')}: </span>
                  <span className="mono">{format.list(result.gtins.map(displayGtin))}</span>
                </span>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
