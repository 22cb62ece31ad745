import { z } from 'zod';
import type { AlertIndicators } from '../api/alerts.js';
import type { LocalisedText } from '../portfolio/localised-text.js';

/** The fields of a declaration or manifest line the screening engine reads, as named in its input. */
export const SCREENING_FIELDS = [
  'id',
  'date',
  'mode',
  'origin_country',
  'export_country',
  'destination_country',
  'port_of_loading',
  'port_of_discharge',
  'exporter_name',
  'exporter_country',
  'importer_name',
  'importer_country',
  'hs_code',
  'description',
  'quantity',
  'unit',
  'gross_mass_kg',
  'declared_value',
  'currency',
  'carrier',
] as const;
export type ScreeningField = (typeof SCREENING_FIELDS)[number];

/**
 * How a condition compares a field with its values: `equals` one value, `in` a list, `prefix`
 * (e.g. an HS heading), numeric `range` (`[min, max]`, either may be empty), `regex`,
 * `contains_word` (a whole word or phrase in free text), `name_match` (a company name after
 * normalisation: case, accents, punctuation and legal-form words ignored).
 */
export const CONDITION_OPERATORS = [
  'equals',
  'in',
  'prefix',
  'range',
  'regex',
  'contains_word',
  'name_match',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface RiskCondition {
  field: ScreeningField;
  op: ConditionOperator;
  values: string[];
  /** Added to a declaration's score when the condition holds. */
  weight: number;
}

/** A risk profile: a declaration scoring at least `threshold` is a hit. */
export interface RiskProfile {
  id: string;
  name: string;
  /** The organisation that owns the profile. */
  owner: string;
  /** First day the profile runs, `YYYY-MM-DD`. */
  validFrom: string;
  /** Last day, or null while it has no end. */
  validTo: string | null;
  /** ISO 3166-1 codes of the countries whose declarations it screens; empty: all. */
  targetCountries: string[];
  threshold: number;
  conditions: RiskCondition[];
}

/** A {@link RiskProfile} as JSON (API responses, profile files). */
export const riskProfileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    owner: z.string(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
    targetCountries: z.array(z.string().regex(/^[A-Z]{2}$/)),
    threshold: z.number().nonnegative(),
    conditions: z.array(
      z.object({
        field: z.enum(SCREENING_FIELDS),
        op: z.enum(CONDITION_OPERATORS),
        values: z.array(z.string()),
        weight: z.number(),
      }),
    ),
  })
  .meta({ id: 'RiskProfile' }) satisfies z.ZodType<RiskProfile>;

/** What {@link alertToRiskProfile} reads of an alert. */
export interface AlertForRules {
  id: string;
  ownerOrganisationId: string;
  title: LocalisedText;
  indicators: AlertIndicators;
  targetCountries: readonly string[];
  targetPorts: readonly string[];
  transportModes: readonly string[];
  validFrom: string;
  validTo: string | null;
}

/**
 * Weights by how much an indicator tells alone. A named trader or a described phrase is
 * intelligence about these goods: enough for a hit by itself. A route, port or HS code is shared
 * by much legitimate trade: it counts only alongside others. Where the alert targets ports or
 * modes, matching them adds a little.
 */
export const ALERT_RULE_WEIGHTS = {
  strong: 50,
  medium: 25,
  weak: 10,
} as const;

/** Score a declaration needs, at most: one strong indicator, or two medium ones. */
export const ALERT_RULE_THRESHOLD = 50;

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * An alert's indicators as a risk profile for the screening engine. Each kind of indicator
 * becomes one condition (its values ORed):
 *
 * - exporter / importer names → `name_match` on `exporter_name` / `importer_name` (strong);
 * - description phrases → `contains_word` on `description` (strong);
 * - routes → origins `in` on `origin_country`, origins and transit countries `in` on
 *   `export_country`, destinations `in` on `destination_country` (medium each);
 * - ports → `in` on `port_of_loading` and on `port_of_discharge` (medium each);
 * - HS codes → `prefix` on `hs_code` (medium);
 * - target ports → `in` on `port_of_discharge`, transport modes → `in` on `mode` (weak each).
 *
 * The threshold is {@link ALERT_RULE_THRESHOLD}, lowered to the total weight when the alert's
 * indicators cannot reach it, so that a declaration matching everything the alert names is a hit.
 * An alert with no indicators gives a profile with no conditions, which never reaches it.
 * The profile's name is the alert's title in the language it was written in.
 */
export function alertToRiskProfile(alert: AlertForRules): RiskProfile {
  const { indicators } = alert;
  const conditions: RiskCondition[] = [];
  const add = (field: ScreeningField, op: ConditionOperator, values: readonly string[], weight: number) => {
    const distinct = unique(values.map((value) => value.trim()).filter((value) => value !== ''));
    if (distinct.length) conditions.push({ field, op, values: distinct, weight });
  };
  const { strong, medium, weak } = ALERT_RULE_WEIGHTS;

  add('exporter_name', 'name_match', indicators.exporterNames, strong);
  add('importer_name', 'name_match', indicators.importerNames, strong);
  add('description', 'contains_word', indicators.descriptions, strong);
  add(
    'origin_country',
    'in',
    indicators.routes.map((route) => route.origin),
    medium,
  );
  add(
    'export_country',
    'in',
    indicators.routes.flatMap((route) => [route.origin, ...route.transit]),
    medium,
  );
  add(
    'destination_country',
    'in',
    indicators.routes.map((route) => route.destination),
    medium,
  );
  add('port_of_loading', 'in', indicators.ports, medium);
  add('port_of_discharge', 'in', indicators.ports, medium);
  add('hs_code', 'prefix', indicators.hsCodes, medium);
  add('port_of_discharge', 'in', alert.targetPorts, weak);
  add('mode', 'in', alert.transportModes, weak);

  const total = conditions.reduce((sum, condition) => sum + condition.weight, 0);
  return {
    id: `alert:${alert.id}`,
    name: alert.title.texts[alert.title.original] ?? Object.values(alert.title.texts)[0] ?? alert.id,
    owner: alert.ownerOrganisationId,
    validFrom: alert.validFrom,
    validTo: alert.validTo,
    targetCountries: [...alert.targetCountries],
    threshold: total > 0 ? Math.min(ALERT_RULE_THRESHOLD, total) : ALERT_RULE_THRESHOLD,
    conditions,
  };
}
