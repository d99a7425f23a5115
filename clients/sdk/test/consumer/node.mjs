// A plain Node program using the built @abri/sdk as an app would (no TypeScript, no loader): signs in, reads the
// profile, follows the claim stream from a cursor, prints what it got as one JSON line, and exits.
import { AbriClient, memoryStorage } from '@abri/sdk';

const [url, contractNumber, password] = process.argv.slice(2);
const client = new AbriClient(url);
const login = await client.login(contractNumber, password);
const me = await client.request('{ me { firstName } }');
const events = [];
const following = client.follow(
  'subscription($after: String) { claimStatusChanged(after: $after) { cursor status } }',
  {
    storage: memoryStorage({ claims: 'claims.0' }),
    key: 'claims',
    onEvent: (data) => {
      events.push(data.claimStatusChanged);
      void following.stop();
    },
  },
);
const end = await following.ended;
console.log(JSON.stringify({ login: login.__typename, firstName: me.data?.me?.firstName, events, end }));
