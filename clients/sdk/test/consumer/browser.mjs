// The same, bundled for a browser page: the global WebSocket and fetch, cursors in localStorage.
import { AbriClient, keyValueStorage } from '@abri/sdk';

window.abriConsumer = async (url, contractNumber, password) => {
  const client = new AbriClient(url);
  const login = await client.login(contractNumber, password);
  const me = await client.request('{ me { firstName } }');
  localStorage.setItem('abri.cursor.claims', 'claims.0');
  const events = [];
  const following = client.follow(
    'subscription($after: String) { claimStatusChanged(after: $after) { cursor status } }',
    {
      storage: keyValueStorage(localStorage),
      key: 'claims',
      onEvent: (data) => {
        events.push(data.claimStatusChanged);
        void following.stop();
      },
    },
  );
  const end = await following.ended;
  return {
    login: login.__typename,
    firstName: me.data?.me?.firstName,
    events,
    end,
    stored: localStorage.getItem('abri.cursor.claims'),
  };
};
