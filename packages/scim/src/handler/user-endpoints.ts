import {
  normalizeEmail,
  type ProvisionedUser,
  type UpdateProvisionedUserInput,
} from '@rosterkit/core';
import { scimSchemas } from '../discovery.js';
import { scimFilterToLinkFilter } from '../filter.js';
import { applyPatch, normalizePatch } from '../patch.js';
import { attributeList, project } from '../resources/projection.js';
import { readScimUser, type ScimUserFields, toScimUser, userTag } from '../resources/scim-user.js';
import { attribute } from '../resources/scim-value.js';
import { ScimError } from '../scim-error.js';
import { listWindow } from './list-window.js';
import { checkIfMatch, notModified } from './preconditions.js';
import { callFor, checkedId, isStale } from './resource-calls.js';
import type { ScimContext } from './scim-context.js';
import { scimResponse } from './scim-response.js';

/** How often a PATCH without If-Match is retried when another writer got in between its read and its write. */
const patchAttempts = 3;

function location(ctx: ScimContext, id: string): string {
  return `${ctx.baseUrl}/Users/${encodeURIComponent(id)}`;
}

function projection(ctx: ScimContext) {
  return {
    attributes: attributeList(ctx.url.searchParams.get('attributes')),
    excluded: attributeList(ctx.url.searchParams.get('excludedAttributes')),
  };
}

function rendered(ctx: ScimContext, user: Pick<ProvisionedUser, 'link' | 'account'>) {
  const { attributes, excluded } = projection(ctx);
  return project(toScimUser(user, location(ctx, user.link.id)), attributes, excluded);
}

function requireUserName(fields: ScimUserFields): string {
  if (fields.userName === undefined) {
    throw new ScimError(400, 'invalidValue', '"userName" is required');
  }
  return fields.userName;
}

/**
 * The email a PUT or PATCH hands core: none when the body still lists the
 * account's email (it is the account's, whatever is primary now); else the
 * one it names, which core refuses (DESIGN rule 6) when it differs.
 */
function emailChange(fields: ScimUserFields, accountEmail: string): { email?: string } {
  const emails = attribute(fields.attributes, 'emails');
  const listed =
    Array.isArray(emails) &&
    emails.some(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as { value?: unknown }).value === 'string' &&
        normalizeEmail((entry as { value: string }).value) === accountEmail,
    );
  return listed || fields.email === undefined ? {} : { email: fields.email };
}

function replacement(
  id: string,
  version: number,
  fields: ScimUserFields,
  accountEmail: string,
): UpdateProvisionedUserInput {
  return {
    id,
    version,
    userName: requireUserName(fields),
    // A PUT replaces: an externalId it leaves out is cleared.
    externalId: fields.externalId ?? null,
    ...emailChange(fields, accountEmail),
    ...(fields.firstName === undefined ? {} : { firstName: fields.firstName }),
    ...(fields.lastName === undefined ? {} : { lastName: fields.lastName }),
    ...(fields.displayName === undefined ? {} : { displayName: fields.displayName }),
    // Absent `active` changes nothing: a PUT without it deactivates nobody.
    ...(fields.active === undefined ? {} : { active: fields.active }),
    attributes: fields.attributes,
  };
}

/** `GET /Users`: the connection's users that match `filter`, in SCIM's window. @internal */
export async function listUsers(ctx: ScimContext): Promise<Response> {
  const raw = ctx.url.searchParams.get('filter');
  const filter =
    raw === null || raw.trim() === '' ? undefined : scimFilterToLinkFilter(raw, 'User');
  const window = listWindow(ctx.url);
  const page = await ctx.api.listProvisionedUsers({
    ...(filter === undefined ? {} : { filter }),
    ...window,
  });
  return scimResponse(200, {
    schemas: [scimSchemas.listResponse],
    totalResults: page.total,
    startIndex: window.startIndex,
    itemsPerPage: page.items.length,
    Resources: page.items.map((user) => rendered(ctx, user)),
  });
}

/** `POST /Users`: provisions a user (201). @internal */
export async function createUser(ctx: ScimContext): Promise<Response> {
  const fields = readScimUser(await ctx.body());
  const { attributes, ...rest } = fields;
  const created = await ctx.api.provisionUser({
    ...rest,
    userName: requireUserName(fields),
    attributes,
  });
  return scimResponse(201, rendered(ctx, created), {
    location: location(ctx, created.link.id),
    etag: userTag(created),
  });
}

/** `GET /Users/{id}`. @internal */
export async function getUser(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('User', rawId);
  const user = await callFor(ctx, 'User', id, () => ctx.api.getProvisionedUser({ id }));
  const tag = userTag(user);
  if (notModified(ctx.request, tag)) return scimResponse(304, undefined, { etag: tag });
  return scimResponse(200, rendered(ctx, user), { etag: tag });
}

/** `PUT /Users/{id}`: replaces the user's attributes (200). @internal */
export async function replaceUser(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('User', rawId);
  const fields = readScimUser(await ctx.body());
  const current = await callFor(ctx, 'User', id, () => ctx.api.getProvisionedUser({ id }));
  checkIfMatch(ctx.request, userTag(current));
  const user = await callFor(ctx, 'User', id, () =>
    ctx.api.updateProvisionedUser(
      replacement(id, current.link.version, fields, current.account.email),
    ),
  );
  return scimResponse(200, rendered(ctx, user), { etag: userTag(user) });
}

/**
 * `PATCH /Users/{id}`: the operations applied to the user as served, and
 * the result saved as a PUT would (200, with the user). Without If-Match,
 * a write that lost a race is read and patched again.
 * @internal
 */
export async function patchUser(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('User', rawId);
  const operations = normalizePatch(await ctx.body());
  for (let attempt = 1; ; attempt += 1) {
    const current = await callFor(ctx, 'User', id, () => ctx.api.getProvisionedUser({ id }));
    checkIfMatch(ctx.request, userTag(current));
    const served = toScimUser(current, location(ctx, id));
    const patched = applyPatch(served, operations);
    if (patched.id !== served.id) {
      throw new ScimError(400, 'mutability', '"id" cannot be changed');
    }
    const fields = readScimUser(patched);
    const input = replacement(id, current.link.version, fields, current.account.email);
    // Only a change of `active` is sent: the served value was the account's.
    const { active: _, ...rest } = input;
    const change = fields.active === served.active ? rest : input;
    try {
      const user = await ctx.api.updateProvisionedUser(change);
      const etag = userTag(user);
      return ctx.userPatchResponse === 'no-content'
        ? scimResponse(204, undefined, { etag })
        : scimResponse(200, rendered(ctx, user), { etag });
    } catch (error) {
      const retry = isStale(error) && ctx.request.headers.get('if-match') === null;
      if (!retry || attempt >= patchAttempts)
        return callFor(ctx, 'User', id, () => Promise.reject(error));
    }
  }
}

/**
 * `DELETE /Users/{id}`: deprovisions the user (204): deactivated, out of
 * every space, unlinked; the account stays (DESIGN rule 2).
 * @internal
 */
export async function deleteUser(ctx: ScimContext, rawId: string): Promise<Response> {
  const id = checkedId('User', rawId);
  if (ctx.request.headers.get('if-match') !== null) {
    const current = await callFor(ctx, 'User', id, () => ctx.api.getProvisionedUser({ id }));
    checkIfMatch(ctx.request, userTag(current));
  }
  await callFor(ctx, 'User', id, () => ctx.api.deprovisionUser({ id }));
  return scimResponse(204, undefined);
}
