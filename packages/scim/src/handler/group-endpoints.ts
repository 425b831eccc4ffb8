import type { JsonObject, UpdateProvisionedGroupInput } from '@rosterkit/core';
import { scimSchemas } from '../discovery.js';
import { scimFilterToLinkFilter } from '../filter.js';
import { applyPatch, normalizePatch, type PatchOperation } from '../patch.js';
import { attributeList, leavesOut, project } from '../resources/projection.js';
import { groupTag, memberIds, readScimGroup, toScimGroup } from '../resources/scim-group.js';
import { ScimError } from '../scim-error.js';
import { listWindow } from './list-window.js';
import { checkIfMatch, notModified } from './preconditions.js';
import { callFor, checkedId } from './resource-calls.js';
import type { ScimContext } from './scim-context.js';
import { scimResponse } from './scim-response.js';

function projection(ctx: ScimContext) {
  const attributes = attributeList(ctx.url.searchParams.get('attributes'));
  const excluded = attributeList(ctx.url.searchParams.get('excludedAttributes'));
  // Entra lists groups with `excludedAttributes=members`: then they are not read at all.
  return { attributes, excluded, members: !leavesOut('members', attributes, excluded) };
}

function requireDisplayName(displayName: string | undefined): string {
  if (displayName === undefined) {
    throw new ScimError(400, 'invalidValue', '"displayName" is required');
  }
  return displayName;
}

/** `GET /Groups`. @internal */
export async function listGroups(ctx: ScimContext): Promise<Response> {
  const raw = ctx.url.searchParams.get('filter');
  const filter =
    raw === null || raw.trim() === '' ? undefined : scimFilterToLinkFilter(raw, 'Group');
  const window = listWindow(ctx.url);
  const { attributes, excluded, members } = projection(ctx);
  const page = await ctx.api.listProvisionedGroups({
    ...(filter === undefined ? {} : { filter }),
    ...window,
    members,
  });
  return scimResponse(200, {
    schemas: [scimSchemas.listResponse],
    totalResults: page.total,
    startIndex: window.startIndex,
    itemsPerPage: page.items.length,
    Resources: page.items.map((group) =>
      project(toScimGroup(group, ctx.baseUrl), attributes, excluded),
    ),
  });
}

/** `POST /Groups` (201). @internal */
export async function createGroup(ctx: ScimContext): Promise<Response> {
  const fields = readScimGroup(await ctx.body());
  const created = await ctx.api.provisionGroup({
    displayName: requireDisplayName(fields.displayName),
    ...(fields.externalId === undefined ? {} : { externalId: fields.externalId }),
    ...(fields.members === undefined ? {} : { members: fields.members }),
    attributes: fields.attributes,
  });
  const { attributes, excluded } = projection(ctx);
  const group = toScimGroup(created, ctx.baseUrl);
  return scimResponse(201, project(group, attributes, excluded), {
    location: group.meta.location,
    etag: groupTag(created),
  });
}

/** `GET /Groups/{id}`. @internal */
export async function getGroup(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('Group', rawId);
  const { attributes, excluded, members } = projection(ctx);
  const group = await callFor(ctx, 'Group', id, () => ctx.api.getProvisionedGroup({ id, members }));
  const tag = groupTag(group);
  if (notModified(ctx.request, tag)) return scimResponse(304, undefined, { etag: tag });
  return scimResponse(200, project(toScimGroup(group, ctx.baseUrl), attributes, excluded), {
    etag: tag,
  });
}

/** `PUT /Groups/{id}`: replaces name, externalId, members (when given) and attributes (200). @internal */
export async function replaceGroup(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('Group', rawId);
  const fields = readScimGroup(await ctx.body());
  const current = await callFor(ctx, 'Group', id, () =>
    ctx.api.getProvisionedGroup({ id, members: false }),
  );
  checkIfMatch(ctx.request, groupTag(current));
  const updated = await callFor(ctx, 'Group', id, () =>
    ctx.api.updateProvisionedGroup({
      id,
      version: current.link.version,
      displayName: requireDisplayName(fields.displayName),
      externalId: fields.externalId ?? null,
      // A PUT without `members` leaves them: Okta renames a group this way.
      ...(fields.members === undefined ? {} : { members: fields.members }),
      attributes: fields.attributes,
    }),
  );
  const { attributes, excluded } = projection(ctx);
  return scimResponse(200, project(toScimGroup(updated, ctx.baseUrl), attributes, excluded), {
    etag: groupTag(updated),
  });
}

/** What a PATCH does to the members: replace them all, or add and remove some. */
interface MemberChange {
  replace?: Set<string>;
  add: Set<string>;
  remove: Set<string>;
}

const memberFilter = /^members\[\s*value\s+eq\s+"([^"]*)"\s*\]$/i;

/**
 * Applies one operation on `members` to the change so far, in order, so
 * that "remove all, then add x" ends with x alone. `true` when it was one.
 */
function memberOperation(operation: PatchOperation, change: MemberChange): boolean {
  const path = operation.path?.trim();
  if (path === undefined) return false;
  const filtered = memberFilter.exec(path);
  if (path.toLowerCase() !== 'members' && filtered === null) {
    if (/^members[[.]/i.test(path)) {
      throw new ScimError(
        400,
        'invalidPath',
        `"${path}": members are changed by "members" or members[value eq "id"]`,
      );
    }
    return false;
  }
  const add = (ids: Iterable<string>) => {
    for (const id of ids) {
      change.remove.delete(id);
      if (change.replace === undefined) change.add.add(id);
      else change.replace.add(id);
    }
  };
  const remove = (ids: Iterable<string>) => {
    for (const id of ids) {
      change.add.delete(id);
      if (change.replace === undefined) change.remove.add(id);
      else change.replace.delete(id);
    }
  };
  if (filtered !== null) {
    if (operation.op !== 'remove') {
      throw new ScimError(400, 'invalidPath', `"${path}" can only be removed`);
    }
    remove([filtered[1] as string]);
    return true;
  }
  if (operation.op === 'add') add(memberIds(operation.value));
  else if (operation.op === 'replace') {
    change.add.clear();
    change.remove.clear();
    change.replace = new Set(memberIds(operation.value));
  } else if (operation.value === undefined) {
    change.add.clear();
    change.remove.clear();
    change.replace = new Set();
  } else remove(memberIds(operation.value));
  return true;
}

/**
 * `PATCH /Groups/{id}` (204): member operations become core's `members` /
 * `addMembers` / `removeMembers` (a group's members are never read for
 * them); the others are applied to the group as served. Okta's rename
 * (`replace` of `{ id, displayName }` without a path) keeps the id.
 * @internal
 */
export async function patchGroup(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('Group', rawId);
  const operations = normalizePatch(await ctx.body());
  const change: MemberChange = { add: new Set(), remove: new Set() };
  const others = operations.filter((operation) => !memberOperation(operation, change));
  const current = await callFor(ctx, 'Group', id, () =>
    ctx.api.getProvisionedGroup({ id, members: false }),
  );
  checkIfMatch(ctx.request, groupTag(current));
  const input: UpdateProvisionedGroupInput = { id, version: current.link.version };
  const rest = others.filter(
    (operation) =>
      !(
        operation.path?.toLowerCase() === 'id' &&
        operation.op !== 'remove' &&
        operation.value === id
      ),
  );
  if (rest.length > 0) {
    const served = toScimGroup(current, ctx.baseUrl);
    const patched = applyPatch(served, rest);
    if (patched.id !== served.id) throw new ScimError(400, 'mutability', '"id" cannot be changed');
    const fields = readScimGroup(patched);
    input.displayName = requireDisplayName(fields.displayName);
    input.externalId = fields.externalId ?? null;
    input.attributes = fields.attributes as JsonObject;
  }
  if (change.replace !== undefined) input.members = [...change.replace];
  else {
    if (change.add.size > 0) input.addMembers = [...change.add];
    if (change.remove.size > 0) input.removeMembers = [...change.remove];
  }
  const updated = await callFor(ctx, 'Group', id, () => ctx.api.updateProvisionedGroup(input));
  return scimResponse(204, undefined, { etag: groupTag(updated) });
}

/** `DELETE /Groups/{id}` (204): the group and its link are deleted. @internal */
export async function deleteGroup(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('Group', rawId);
  if (ctx.request.headers.get('if-match') !== null) {
    const current = await callFor(ctx, 'Group', id, () =>
      ctx.api.getProvisionedGroup({ id, members: false }),
    );
    checkIfMatch(ctx.request, groupTag(current));
  }
  await callFor(ctx, 'Group', id, () => ctx.api.deprovisionGroup({ id }));
  return scimResponse(204, undefined);
}
