import type { SearchView } from '@assay/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { searchApi } from '../../api/endpoints';
import { FormError } from '../../components/form-error';
import { useContentLanguages } from '../../i18n/content-languages';
import { useFormat } from '../../i18n/format';
import { looksLikeCode, normaliseCode } from '../../scanning/normalise-code';
import { storedStandIn } from '../../scanning/scanner-settings';
import { useKeyboardWedge } from '../../scanning/use-keyboard-wedge';
import { ResultList } from './result-list';
import { correctedQuery, type FilterParam, filtersOf, lookupPath } from './search-query';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const DEBOUNCE_MS = 150;

/**
 * One search box over the guides the officer may open, with results as they type. The query and
 * filters live in the address (`?q=`), so back, forward and a shared link show the same search.
 * Enter on a barcode's digits, or a hand-held scanner's burst, opens the lookup of that code.
 */
export function SearchPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { reader } = useContentLanguages();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const filters = useMemo(() => filtersOf(params), [params]);
  const [text, setText] = useState(query);
  const [answer, setAnswer] = useState<SearchView | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();

  // Back and forward change the address: the box follows it.
  const shownQuery = useRef(query);
  useEffect(() => {
    if (query !== shownQuery.current) {
      shownQuery.current = query;
      setText(query);
    }
  }, [query]);

  const setQuery = (value: string) => {
    shownQuery.current = value;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('q', value);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  };

  // The countdown from the last keystroke to putting the text in the address.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts the countdown.
  useEffect(() => {
    if (text === query) return;
    pending.current = setTimeout(() => setQuery(text), DEBOUNCE_MS);
    return () => clearTimeout(pending.current);
  }, [text]);

  const trimmed = query.trim();
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters.
  useEffect(() => {
    if (!trimmed) {
      setAnswer(null);
      setLoading(false);
      setError(null);
      return;
    }
    // The previous answer stays on screen until this one arrives; an overtaken request is cancelled.
    const controller = new AbortController();
    setLoading(true);
    searchApi.search(trimmed, reader, filters, controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setAnswer(value);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [trimmed, filterKey, reader]);

  const openCode = (raw: string) => {
    // A countdown still running would put the text in the address after this navigation, and
    // bring the officer back to the search instead of the lookup.
    clearTimeout(pending.current);
    navigate(lookupPath(normaliseCode(raw, storedStandIn())));
  };
  useKeyboardWedge(openCode);

  const setFilter = (name: FilterParam, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  const hasFilters = Object.keys(filters).length > 0;
  const corrected =
    answer && answer.corrections.length > 0 ? correctedQuery(trimmed, answer.corrections) : '';

  return (
    <search className="search-box">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const code = normaliseCode(text, storedStandIn());
          if (looksLikeCode(code)) openCode(text);
          else if (text !== query) setQuery(text);
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('search.label')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('search.hint')}
          </p>
          <input
            id={id}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </form>
      {answer && trimmed && (
        <SearchFilters answer={answer} filters={filters} onChange={setFilter} idPrefix={id} />
      )}
      <FormError error={error} />
      <p role="status" className="muted">
        {loading
          ? t('search.searching')
          : answer && trimmed
            ? t('search.count', { count: answer.total })
            : ''}
      </p>
      {corrected && corrected !== trimmed && (
        <p className="corrections">
          {t('search.didYouMean')}{' '}
          <button type="button" className="button-ghost" onClick={() => setText(corrected)}>
            {corrected}
          </button>
        </p>
      )}
      {!trimmed && <p className="empty">{t('search.empty')}</p>}
      {answer && trimmed && answer.results.length === 0 && !loading && (
        <div className="empty">
          <p>{t('search.noResults', { query: trimmed })}</p>
          <p>{hasFilters ? t('search.noResultsFiltered') : t('search.noResultsHint')}</p>
        </div>
      )}
      {answer && trimmed && answer.results.length > 0 && (
        <ResultList results={answer.results} reader={reader} label={t('search.results')} />
      )}
    </search>
  );
}

function SearchFilters({
  answer,
  filters,
  onChange,
  idPrefix,
}: {
  answer: SearchView;
  filters: ReturnType<typeof filtersOf>;
  onChange: (name: FilterParam, value: string) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = answer;
  const withCount = (label: string, count: number) => `${label} (${format.number(count)})`;
  const selects: { name: FilterParam; label: string; options: { value: string; label: string }[] }[] = [
    {
      name: 'category',
      label: t('search.category'),
      options: facets.categories.map((item) => ({
        value: item.value,
        label: withCount(item.value, item.count),
      })),
    },
    {
      name: 'brandId',
      label: t('search.brand'),
      options: facets.brands.map((item) => ({ value: item.id, label: withCount(item.name, item.count) })),
    },
    {
      name: 'rightsHolderId',
      label: t('search.rightsHolder'),
      options: facets.rightsHolders.map((item) => ({
        value: item.id,
        label: withCount(item.name, item.count),
      })),
    },
    {
      name: 'country',
      label: t('search.country'),
      options: facets.countries.map((item) => ({
        value: item.code,
        label: withCount(format.country(item.code), item.count),
      })),
    },
  ];
  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">{t('search.filters')}</legend>
      {selects.map((select) => {
        const value = filters[select.name] ?? '';
        // A filter from a shared link stays selectable even when the facets no longer list it.
        const options =
          value && !select.options.some((option) => option.value === value)
            ? [...select.options, { value, label: value }]
            : select.options;
        if (options.length === 0) return null;
        const selectId = `${idPrefix}-${select.name}`;
        return (
          <div className="field" key={select.name}>
            <label htmlFor={selectId}>{select.label}</label>
            <select
              id={selectId}
              value={value}
              onChange={(event) => onChange(select.name, event.target.value)}
            >
              <option value="">{t('search.any')}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
