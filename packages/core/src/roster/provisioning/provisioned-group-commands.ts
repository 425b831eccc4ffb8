import { deprovisionGroup } from './deprovision-group.js';
import { provisionGroup } from './provision-group.js';
import { getProvisionedGroup, listProvisionedGroups } from './provisioned-group-reads.js';
import type { ProvisionedGroupsApi } from './provisioned-groups-api.js';
import type { CommandRunner } from './provisioned-user-commands.js';
import { updateProvisionedGroup } from './update-provisioned-group.js';

/** The SCIM Group commands of an actor's API, `run` for writes, `read` for queries. @internal */
export function provisionedGroupCommands(
  run: CommandRunner,
  read: CommandRunner,
): ProvisionedGroupsApi {
  return {
    provisionGroup: run(provisionGroup),
    updateProvisionedGroup: run(updateProvisionedGroup),
    deprovisionGroup: run(deprovisionGroup),
    getProvisionedGroup: read(getProvisionedGroup),
    listProvisionedGroups: (input = {}) => read(listProvisionedGroups)(input),
  };
}
