import type { ActorContext } from '../command-context.js';
import { deprovisionUser } from './deprovision-user.js';
import { alertingOwnerProtection, recordOwnerProtected } from './owner-protected-alert.js';
import { provisionUser } from './provision-user.js';
import { getProvisionedUser, listProvisionedUsers } from './provisioned-user-reads.js';
import type { ProvisionedUsersApi } from './provisioned-users-api.js';
import { updateProvisionedUser } from './update-provisioned-user.js';

/** How createRoster runs a command in a transaction as the actor. @internal */
export type CommandRunner = <T>(
  command: (ctx: ActorContext, input: unknown) => Promise<T>,
) => (input: unknown) => Promise<T>;

/** The SCIM User commands of an actor's API, `run` for writes, `read` for queries. @internal */
export function provisionedUserCommands(
  run: CommandRunner,
  read: CommandRunner,
): ProvisionedUsersApi {
  return {
    provisionUser: run(provisionUser),
    updateProvisionedUser: alertingOwnerProtection(
      run(updateProvisionedUser),
      run(recordOwnerProtected),
      'deactivate',
    ),
    deprovisionUser: alertingOwnerProtection(
      run(deprovisionUser),
      run(recordOwnerProtected),
      'deprovision',
    ),
    getProvisionedUser: read(getProvisionedUser),
    listProvisionedUsers: (input = {}) => read(listProvisionedUsers)(input),
  };
}
