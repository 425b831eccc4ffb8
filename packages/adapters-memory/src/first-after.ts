/** The index of the first element for which `isAfter` holds, in a list sorted so that it holds for a suffix. @internal */
export function firstAfter<T>(sorted: readonly T[], isAfter: (row: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const row = sorted[middle] as T;
    if (isAfter(row)) high = middle;
    else low = middle + 1;
  }
  return low;
}
