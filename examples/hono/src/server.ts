// Starts the example on http://localhost:3000 and prints requests to try.
import { serve } from '@hono/node-server';
import { createApp, seededRoster } from './app.js';

const port = Number(process.env.PORT ?? 3000);
const { roster, sessions, scimToken } = await seededRoster();
serve({ fetch: createApp(roster, sessions).fetch, port }, () => {
  const api = `http://localhost:${port}/api/roster`;
  const scim = `http://localhost:${port}/scim/v2`;
  console.log(`rosterkit admin API on ${api} (memory store: restart to reset)

Ana (administrator, the owner) is "Bearer ana-token"; Bo (agent) is "Bearer bo-token";
Cy is signed in to the host but has no account here, so "Bearer cy-token" is a 401.

  curl -s ${api}/accounts -H 'authorization: Bearer ana-token'
  curl -s ${api}/invitations -H 'authorization: Bearer ana-token' -H 'content-type: application/json' \\
    -d '{"email":"cy@acme.io","role":"agent"}'
  curl -s ${api}/invitations -H 'authorization: Bearer bo-token' -H 'content-type: application/json' \\
    -d '{"email":"di@acme.io","role":"agent"}'            # 403 problem+json: agents do not invite
  curl -s ${api}/accounts                                  # 401: no credentials
  curl -s ${api}/accounts -H 'authorization: Bearer cy-token'  # 401: a host user with no account
  curl -s ${api}/openapi.json                              # the OpenAPI 3.1 document

The SCIM 2.0 service for an identity provider is ${scim}, its token "Bearer ${scimToken}"
(what Okta's or Entra's SCIM settings take):

  curl -s ${scim}/ServiceProviderConfig                    # discovery needs no token
  curl -s ${scim}/Users -H 'authorization: Bearer ${scimToken}' -H 'content-type: application/scim+json' \\
    -d '{"userName":"di@acme.io","name":{"givenName":"Di","familyName":"Wu"}}'
  curl -s '${scim}/Users?filter=userName%20eq%20%22di@acme.io%22' -H 'authorization: Bearer ${scimToken}'
`);
});
