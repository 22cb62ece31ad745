import type { Migration } from 'kysely';
import * as identity from './2026-11-23-0001-identity.js';
import * as portfolio from './2026-11-23-0002-portfolio.js';
import * as images from './2026-11-23-0003-images.js';
import * as indicatorIndex from './2026-11-23-0004-indicator-index.js';
import * as certificates from './2026-11-23-0005-ip-right-certificates.js';
import * as brandLogos from './2026-11-23-0006-brand-logos.js';
import * as searchExtensions from './2026-11-23-0007-search-extensions.js';
import * as searchIndex from './2026-11-23-0008-search-index.js';
import * as alerts from './2026-11-23-0009-alerts.js';
import * as cases from './2026-11-23-0010-cases.js';
import * as authentication from './2026-11-23-0011-authentication.js';
import * as casePolicies from './2026-11-23-0012-case-policies.js';
import * as webhooks from './2026-11-23-0013-webhooks.js';
import * as caseWorkflow from './2026-11-23-0014-case-workflow.js';

/** Every migration, in order. Listed by hand so the same list runs under PGlite, PostgreSQL and a bundler. */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-identity': identity,
  '2026-11-23-0002-portfolio': portfolio,
  '2026-11-23-0003-images': images,
  '2026-11-23-0004-indicator-index': indicatorIndex,
  '2026-11-23-0005-ip-right-certificates': certificates,
  '2026-11-23-0006-brand-logos': brandLogos,
  '2026-11-23-0007-search-extensions': searchExtensions,
  '2026-11-23-0008-search-index': searchIndex,
  '2026-11-23-0009-alerts': alerts,
  '2026-11-23-0010-cases': cases,
  '2026-11-23-0011-authentication': authentication,
  '2026-11-23-0012-case-policies': casePolicies,
  '2026-11-23-0013-webhooks': webhooks,
  '2026-11-23-0014-case-workflow': caseWorkflow,
};
