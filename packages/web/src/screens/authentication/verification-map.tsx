import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useFormat } from '../../i18n/format';
import { alpha2FromNumeric } from './country-numeric';
import { colourFor, colourSteps, MAP_EMPTY_COLOUR } from './map-scale';

export interface CountryCount {
  country: string;
  total: number;
  suspicious: number;
}

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const WIDTH = 360;
const HEIGHT = 190;

/**
 * A world map coloured by the number of verifications per country. The atlas (about 100 kB) is
 * fetched when the map first shows, so it never weighs on the screens that do not draw it.
 */
export function VerificationMap({
  counts,
  title,
  summary,
}: {
  counts: readonly CountryCount[];
  title: string;
  summary: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [world, setWorld] = useState<WorldTopology | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import('world-atlas/countries-110m.json').then(
      (module) => current && setWorld(module.default as unknown as WorldTopology),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);

  const byCountry = useMemo(
    () => new Map(counts.map((entry) => [entry.country.toUpperCase(), entry])),
    [counts],
  );
  const steps = useMemo(() => colourSteps(Math.max(0, ...counts.map((entry) => entry.total))), [counts]);
  const shapes = useMemo(() => {
    if (!world) return [];
    const countries = feature(world, world.objects.countries);
    const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], countries);
    const path = geoPath(projection);
    return countries.features.map((shape, index) => ({
      key: String(shape.id ?? `unnamed-${index}`),
      code: alpha2FromNumeric(shape.id),
      d: path(shape) ?? '',
    }));
  }, [world]);

  if (failed) return <p className="muted">{t('authentication.verifications.mapFailed')}</p>;
  if (!world) return <p role="status">{t('app.loading')}</p>;
  return (
    <div className="chart">
      <ul className="chart-legend" aria-label={t('authentication.verifications.legend')}>
        <li>
          <span
            className="chart-swatch"
            style={{ background: MAP_EMPTY_COLOUR, outline: '1px solid #8b95a3' }}
            aria-hidden="true"
          />
          {t('authentication.verifications.legendNone')}
        </li>
        {steps.map((step) => (
          <li key={step.from}>
            <span className="chart-swatch" style={{ background: step.colour }} aria-hidden="true" />
            {step.from === step.to
              ? format.number(step.from)
              : t('authentication.verifications.legendRange', {
                  from: format.number(step.from),
                  to: format.number(step.to),
                })}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ display: 'block', width: '100%', height: 'auto' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {shapes.map((shape) => {
          const entry = shape.code ? byCountry.get(shape.code) : undefined;
          return (
            <path
              key={shape.key}
              d={shape.d}
              fill={colourFor(entry?.total ?? 0, steps)}
              stroke="#ffffff"
              strokeWidth={0.3}
            >
              {entry && shape.code && (
                <title>
                  {t('authentication.verifications.countryCounts', {
                    country: format.country(shape.code),
                    total: format.number(entry.total),
                    suspicious: format.number(entry.suspicious),
                  })}
                </title>
              )}
            </path>
          );
        })}
      </svg>
    </div>
  );
}
