import type { AlertInput, AlertSeverity, AlertView, TransportMode } from '@assay/core';
import { emptyLocalised, type LocalisedDraft, localisedForApi } from '../../components/localised-text';

/** A route as typed: transit countries as free text ("AE, SG"). */
export interface RouteDraft {
  origin: string;
  transit: string;
  destination: string;
}

/** The alert form's state. */
export interface AlertDraft {
  /** The rights holder a legal representative firm publishes for; empty otherwise. */
  rightsHolderId: string;
  title: LocalisedDraft;
  text: LocalisedDraft;
  severity: AlertSeverity;
  brandIds: string[];
  productIds: string[];
  exporterNames: string[];
  importerNames: string[];
  routes: RouteDraft[];
  ports: string[];
  descriptions: string[];
  hsCodes: string[];
  targetCountries: string[];
  targetPorts: string[];
  transportModes: TransportMode[];
  validFrom: string;
  validTo: string;
}

export function emptyAlertDraft(language: string, today: string): AlertDraft {
  return {
    rightsHolderId: '',
    title: emptyLocalised(language),
    text: emptyLocalised(language),
    severity: 'medium',
    brandIds: [],
    productIds: [],
    exporterNames: [],
    importerNames: [],
    routes: [],
    ports: [],
    descriptions: [],
    hsCodes: [],
    targetCountries: [],
    targetPorts: [],
    transportModes: [],
    validFrom: today,
    validTo: '',
  };
}

export function draftFromAlert(alert: AlertView): AlertDraft {
  return {
    rightsHolderId: alert.owner.kind === 'rights_holder' ? alert.owner.id : '',
    title: alert.title,
    text: alert.text,
    severity: alert.severity,
    brandIds: alert.brands.map((brand) => brand.id),
    productIds: alert.products.map((product) => product.id),
    exporterNames: alert.indicators.exporterNames,
    importerNames: alert.indicators.importerNames,
    routes: alert.indicators.routes.map((route) => ({
      origin: route.origin,
      transit: route.transit.join(', '),
      destination: route.destination,
    })),
    ports: alert.indicators.ports,
    descriptions: alert.indicators.descriptions,
    hsCodes: alert.indicators.hsCodes,
    targetCountries: alert.targetCountries,
    targetPorts: alert.targetPorts,
    transportModes: alert.transportModes,
    validFrom: alert.validFrom,
    validTo: alert.validTo ?? '',
  };
}

/** Country codes typed in one box: "ae, sg;HK" → AE, SG, HK. */
export function countryCodesIn(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

/** The request body for the draft (checked against the API's own schema before sending). */
export function alertInputFromDraft(draft: AlertDraft): AlertInput {
  return {
    ...(draft.rightsHolderId ? { rightsHolderId: draft.rightsHolderId } : {}),
    title: localisedForApi(draft.title, true),
    text: localisedForApi(draft.text, true),
    severity: draft.severity,
    brandIds: draft.brandIds,
    productIds: draft.productIds,
    indicators: {
      exporterNames: draft.exporterNames,
      importerNames: draft.importerNames,
      routes: draft.routes.map((route) => ({
        origin: route.origin,
        transit: countryCodesIn(route.transit),
        destination: route.destination,
      })),
      ports: draft.ports,
      descriptions: draft.descriptions,
      hsCodes: draft.hsCodes,
    },
    targetCountries: draft.targetCountries,
    targetPorts: draft.targetPorts,
    transportModes: draft.transportModes,
    validFrom: draft.validFrom,
    validTo: draft.validTo || null,
  };
}
