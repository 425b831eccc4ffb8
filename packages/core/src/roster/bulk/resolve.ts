import { RosterError } from '../../errors/roster-error.js';
import type { Group } from '../../model/group.js';
import type { Space } from '../../model/space.js';

// Spreadsheets name spaces and groups as people write them: an exact name
// wins, else the one name that matches ignoring case.

function byName<T extends { readonly name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.filter((item) => item.name === name);
  if (exact.length > 0) return exact;
  const folded = name.toLocaleLowerCase();
  return items.filter((item) => item.name.toLocaleLowerCase() === folded);
}

/** The space named `name`, or the default space when `name` is absent; NOT_FOUND otherwise. @internal */
export function resolveSpace(
  spaces: readonly Space[],
  name: string | undefined,
  defaultSpaceId: string,
): Space {
  const found =
    name === undefined
      ? spaces.filter((space) => space.id === defaultSpaceId)
      : byName(spaces, name);
  const [space, other] = found;
  if (space === undefined || other !== undefined) {
    const what = name === undefined ? 'the default space' : `a space named "${name}"`;
    throw new RosterError(
      'NOT_FOUND',
      other === undefined
        ? `There is no ${what.replace(/^(the|a) /, '')} in this organization.`
        : `Several spaces are named "${name}"; rename one of them.`,
      { subject: 'Space', id: name ?? defaultSpaceId },
    );
  }
  return space;
}

/** The ids of the groups named `names` in `space`, each once; NOT_FOUND names the first unknown one. @internal */
export function resolveGroups(
  groups: readonly Group[],
  names: readonly string[],
  space: Space,
): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const found = byName(
      groups.filter((group) => group.spaceId === space.id),
      name,
    );
    const [group, other] = found;
    if (group === undefined || other !== undefined) {
      throw new RosterError(
        'NOT_FOUND',
        other === undefined
          ? `There is no group named "${name}" in ${space.name}.`
          : `Several groups of ${space.name} are named "${name}"; rename one of them.`,
        { subject: 'Group', id: name },
      );
    }
    if (!ids.includes(group.id)) ids.push(group.id);
  }
  return ids;
}

/** Whether two lists hold the same strings, ignoring order and repeats. @internal */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}
