/** The median of `xs`. */
export const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** One contender: `run` does the work once and returns its time in ms. */
export interface Variant {
  readonly name: string;
  readonly run: () => Promise<number>;
}

/**
 * One warm-up of each baseline (rosterkit's is the run that captured the
 * rows), then `reps` rounds, the order rotated each round.
 */
export async function measure(
  variants: readonly Variant[],
  reps: number,
): Promise<Map<string, number[]>> {
  for (const variant of variants.slice(1)) await variant.run();
  const times = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  for (let round = 0; round < reps; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length] as Variant;
      times.get(variant.name)?.push(await variant.run());
    }
  }
  return times;
}
