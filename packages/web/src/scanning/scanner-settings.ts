const STAND_IN_KEY = 'assay.scanner.groupSeparator';

/** The text this officer's hand-held scanner sends for the group separator, if it is not a built-in one. */
export function storedStandIn(): string {
  try {
    return localStorage.getItem(STAND_IN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeStandIn(standIn: string): void {
  try {
    if (standIn.trim()) localStorage.setItem(STAND_IN_KEY, standIn.trim());
    else localStorage.removeItem(STAND_IN_KEY);
  } catch {
    // Private browsing without storage: the setting lasts for this page only.
  }
}
