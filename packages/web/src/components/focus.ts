/** Moves focus to an element the update just made will render (a new row, a button back in the list). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
