import {
  Account,
  AuditEvent,
  Group,
  JsonValue,
  Membership,
  Organization,
  Space,
  StoredRole,
} from '@rosterkit/core';
import { ReportReassignment } from '@rosterkit/core/extra';
import { z } from 'zod';
import {
  AccountWithMembershipsBody,
  BulkReportBody,
  ListedInvitationBody,
  PublicInvitation,
  RosterActionName,
  SheetReportBody,
} from '../routes/response-schemas.js';

/**
 * The schemas the document names, each written once under
 * `components.schemas` and referred to with `$ref` wherever a route's body
 * holds it: the model (an account sits in a dozen responses), the recursive
 * `JsonValue` (which zod cannot inline), and the bodies several routes share.
 * A schema is named by identity: these very zod objects, as the routes use them.
 * @internal
 */
export const componentNames = z.registry<{ id: string }>();

const named: ReadonlyArray<readonly [z.ZodType, string]> = [
  [JsonValue.schema, 'JsonValue'],
  [Account.schema, 'Account'],
  [Membership.schema, 'Membership'],
  [Organization.schema, 'Organization'],
  [Space.schema, 'Space'],
  [Group.schema, 'Group'],
  [AuditEvent.schema, 'AuditEvent'],
  [StoredRole.schema, 'StoredRole'],
  [PublicInvitation, 'Invitation'],
  [ListedInvitationBody, 'ListedInvitation'],
  [AccountWithMembershipsBody, 'AccountWithMemberships'],
  [BulkReportBody, 'BulkReport'],
  [SheetReportBody, 'SheetReport'],
  [ReportReassignment.schema, 'ReportReassignment'],
  [RosterActionName, 'RosterAction'],
];
for (const [schema, id] of named) componentNames.add(schema, { id });
