// Starts the example on http://localhost:3000 and prints requests to try.
import { connect, createApp } from './app.js';
import { databaseUrl } from './database-url.js';

const port = Number(process.env.PORT ?? 3000);
const prisma = await connect(databaseUrl);
createApp(prisma).listen(port, () => {
  const root = `http://localhost:${port}`;
  console.log(`rosterkit admin API on ${root}/api/roster (PostgreSQL: ${new URL(databaseUrl).pathname.slice(1)})

  curl -s ${root}/signup -H 'content-type: application/json' \\
    -d '{"company":"Acme","email":"ana@acme.io","firstName":"Ana","lastName":"Ng"}'
  TOKEN=...   # the "token" of the answer
  curl -s ${root}/api/roster/invitations -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"email":"bo@acme.io","role":"agent"}'
  curl -s ${root}/api/roster/accounts -H "authorization: Bearer $TOKEN"
  curl -s ${root}/signin -H 'content-type: application/json' \\
    -d '{"email":"zed@acme.io","orgId":"..."}'   # sign-up's "organizationId"; no account: its token is a 401
  curl -s ${root}/api/roster/openapi.json
`);
});
