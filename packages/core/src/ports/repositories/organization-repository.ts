import type { Organization } from '../../model/organization.js';

/**
 * Organizations: the tenants themselves. Same version rules as {@link TenantRepository}.
 *
 * @category Store port (for adapter authors)
 */
export interface OrganizationRepository {
  /** The organization, or `undefined`. */
  get(id: string): Promise<Organization | undefined>;
  /** Stores a new organization (`version` 1); `CONFLICT` (`unique`) if the id is taken. */
  insert(row: Organization): Promise<Organization>;
  /** Replaces the organization read at `row.version`; `CONFLICT` (`stale-version`) otherwise. */
  update(row: Organization): Promise<Organization>;
  /** Deletes the organization read at `version`; `CONFLICT` (`stale-version`) otherwise. */
  delete(id: string, version: number): Promise<void>;
}
