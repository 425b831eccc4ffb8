import type { Space } from '../../model/space.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * Spaces of an organization.
 *
 * @category Store port (for adapter authors)
 */
export interface SpaceRepository extends TenantRepository<Space> {
  /** Every space of the organization, the default one first, then by name. */
  listByOrganization(orgId: string): Promise<Space[]>;
}
