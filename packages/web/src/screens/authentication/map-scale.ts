/** Sequential blues, light to dark: readable on white and distinguishable in grey scale. */
export const MAP_COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** Countries where no code was checked. */
export const MAP_EMPTY_COLOUR = '#eef0f3';

export interface ScaleStep {
  /** Smallest count of the step, inclusive. */
  from: number;
  /** Largest count of the step, inclusive. */
  to: number;
  colour: string;
}

/**
 * Steps of whole counts from 1 to `max`, at most one per colour, so the legend never shows an empty
 * or fractional range ("1–1" for a small map is fine; "0.4–0.8" is not).
 */
export function colourSteps(max: number): ScaleStep[] {
  if (max < 1) return [];
  const count = Math.min(MAP_COLOURS.length, max);
  const steps: ScaleStep[] = [];
  let from = 1;
  for (let index = 0; index < count; index++) {
    const to = Math.round((max * (index + 1)) / count);
    if (to < from) continue;
    steps.push({ from, to, colour: MAP_COLOURS[index + MAP_COLOURS.length - count] ?? MAP_COLOURS[0] });
    from = to + 1;
  }
  return steps;
}

/** The fill of a country with this many verifications. */
export function colourFor(count: number, steps: readonly ScaleStep[]): string {
  if (count < 1) return MAP_EMPTY_COLOUR;
  return steps.find((step) => count <= step.to)?.colour ?? steps.at(-1)?.colour ?? MAP_EMPTY_COLOUR;
}
