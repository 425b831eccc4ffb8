import type { Group } from '../../model/group.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * Groups (departments, queues) of a space.
 *
 * @category Store port (for adapter authors)
 */
export interface GroupRepository extends TenantRepository<Group> {
  /** Every group of the space, by name. */
  listBySpace(orgId: string, spaceId: string): Promise<Group[]>;
}
