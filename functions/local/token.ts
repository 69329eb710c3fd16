/**
 * `npm run token [-- <person id>]`: a bearer token for a demo person, signed with the local secret. Its last line
 * is the token alone, so scripts can take it with `tail -n 1`.
 */
import { signLocalToken } from '../api/auth';
import { localSecret } from './paths';
import { DEMO_PEOPLE } from './seed';

async function main(): Promise<void> {
  const personId = process.argv[2] || 'soumu-director';
  const known = DEMO_PEOPLE.find((p) => p[0] === personId);
  if (!known) {
    console.error(`Note: ${personId} is not a demo person; the token works once they are registered (createPerson).`);
    console.error(`Demo people: ${DEMO_PEOPLE.map((p) => `${p[0]} (${p[2]})`).join(', ')}`);
  } else {
    console.error(`Token for ${personId}: ${known[1]}, ${known[2]}. Valid 12 hours. In GraphiQL's Headers tab:`);
    console.error('  {"Authorization": "Bearer <the line below>"}');
  }
  console.log(await signLocalToken(personId, localSecret()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
