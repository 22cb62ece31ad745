/** The states a rights holder can give a registered serialised pack. */
export const PACK_STATES = ['active', 'recalled', 'stolen', 'destroyed', 'decommissioned'] as const;
export type PackState = (typeof PACK_STATES)[number];

/**
 * Every verdict an officer can see after verifying a serialised item, most serious first: the
 * order decides which finding is the primary verdict when several apply (a pack's state beats a
 * batch or expiry mismatch, which beats diversion, which beats a clone suspicion on an otherwise
 * clean pack). `genuine` is only given when nothing else applies; `unknown_product`,
 * `service_unavailable` and `handed_off` come from the connector layer, before any serial is looked at.
 */
export const VERIFICATION_VERDICTS = [
  'destroyed',
  'stolen',
  'decommissioned',
  'recalled',
  'unknown_serial',
  'batch_mismatch',
  'expiry_mismatch',
  'other_market',
  'possible_clone',
  'unknown_product',
  'service_unavailable',
  'handed_off',
  'genuine',
] as const;
export type VerificationVerdict = (typeof VERIFICATION_VERDICTS)[number];

/** `ok`: nothing found; `warning`: look closer; `alert`: likely illicit; `unknown`: no answer. */
export type VerdictSeverity = 'ok' | 'warning' | 'alert' | 'unknown';

export interface VerdictMeaning {
  severity: VerdictSeverity;
  /** Whether the officer should consider detaining the goods on this verdict alone. */
  considerDetaining: boolean;
}

export const VERDICT_MEANINGS: Readonly<Record<VerificationVerdict, VerdictMeaning>> = {
  genuine: { severity: 'ok', considerDetaining: false },
  // The brand registers nothing for this GTIN: Assay cannot judge, the officer checks otherwise.
  unknown_product: { severity: 'unknown', considerDetaining: false },
  // The product is serialised but this serial was never issued: the typical invented code.
  unknown_serial: { severity: 'alert', considerDetaining: true },
  batch_mismatch: { severity: 'alert', considerDetaining: true },
  expiry_mismatch: { severity: 'alert', considerDetaining: true },
  // A recalled pack may be genuine, but must not be on the market.
  recalled: { severity: 'warning', considerDetaining: true },
  stolen: { severity: 'alert', considerDetaining: true },
  // A destroyed or dispensed pack cannot be in circulation: the code was copied or the pack reused.
  destroyed: { severity: 'alert', considerDetaining: true },
  decommissioned: { severity: 'alert', considerDetaining: true },
  // Diversion may be lawful parallel trade; the officer checks the import papers before acting.
  other_market: { severity: 'warning', considerDetaining: false },
  possible_clone: { severity: 'alert', considerDetaining: true },
  service_unavailable: { severity: 'unknown', considerDetaining: false },
  // The brand checks its codes on its own GS1 Digital Link resolver: the officer opens the link.
  handed_off: { severity: 'unknown', considerDetaining: false },
};

/** Sorts verdicts most serious first, in the order of {@link VERIFICATION_VERDICTS}. */
export function verdictRank(verdict: VerificationVerdict): number {
  return VERIFICATION_VERDICTS.indexOf(verdict);
}
