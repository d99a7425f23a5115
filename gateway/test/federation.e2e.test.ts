// The foundation end to end: the gateway and the four subgraphs as separate servers on the embedded defaults.
import { connect } from 'node:net';
import { DEMO } from '@abri/platform';
import { AbriClient } from '@abri/sdk';
import { adjuster, advance, CLAIM_EVENTS, collect, customer, systemForFile } from '@abri/testkit';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const system = await systemForFile();
const url = system.gateway.url;

type ClaimEvent = {
  claimStatusChanged: {
    cursor: string;
    status: string;
    claim: { id: string; reference: string; policy: { number: string } };
  };
};

describe('one query across the four subgraphs', () => {
  it('returns profile, policies with guarantees, claims with status and payment schedule for the signed-in customer', async () => {
    const camille = await customer(url, 'camille');
    const { data, errors } = await camille.request<{
      me: Record<string, unknown> & { policies: { guarantees: unknown[] }[] };
    }>(`{
      me { firstName lastName
        policies { number annualPremium { amountCents currency } guarantees { code ceiling { amountCents } deductible { amountCents } } nextDueDate }
        claims { reference status policy { number } }
        paymentSchedule { dueDate amount { amountCents } } } }`);
    expect(errors).toBeUndefined();
    expect(data?.me).toMatchObject({
      firstName: 'Camille',
      lastName: 'Martin',
      policies: [{ number: DEMO.camille.contractNumber, annualPremium: { amountCents: 35_288, currency: 'EUR' } }],
      claims: [
        { reference: 'SIN-2026-004217', status: 'EXPERT_ASSIGNED', policy: { number: DEMO.camille.contractNumber } },
      ],
    });
    expect(data?.me.policies[0]?.guarantees).toContainEqual(
      expect.objectContaining({ code: 'NATURAL_DISASTER', deductible: { amountCents: 38_000 } }),
    );
    expect(data?.me.paymentSchedule).toHaveLength(12);
  });

  it('answers me: null without a token and UNAUTHENTICATED with a bad one', async () => {
    const anonymous = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await anonymous.json()).toEqual({ data: { me: null } });
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password without saying whether the contract exists', async () => {
    const client = await customer(url, 'louis');
    const wrong = await client.login(DEMO.camille.contractNumber, 'not-the-password');
    const unknown = await client.login('HAB9999999', 'not-the-password');
    expect(wrong?.__typename).toBe('InvalidCredentials');
    expect(unknown?.__typename).toBe('InvalidCredentials');
  });
});

describe('claim status changes pushed to every device', () => {
  it('reaches both devices of the customer with claim.policy.number, never another customer, and replays what a device missed', async () => {
    const staff = await adjuster(url);
    const camille = await customer(url, 'camille');
    const louis = await customer(url, 'louis');
    const [phone, laptop, louisPhone] = [camille.socket(), camille.socket(), louis.socket()];
    // `after` from the start of the stream: nothing can slip between subscribing and the first change.
    const start = { after: 'claims.0' };
    const a = collect<ClaimEvent>(phone, CLAIM_EVENTS, start);
    const b = collect<ClaimEvent>(laptop, CLAIM_EVENTS, start);
    const l = collect<ClaimEvent>(louisPhone, CLAIM_EVENTS, start);

    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED', 'Merci d’envoyer la facture du plombier.');
    await advance(staff, DEMO.camilleClaimId, 'ACKNOWLEDGED');
    for (const device of [a, b]) {
      const events = await device.until(2);
      expect(events.map((e) => e.data?.claimStatusChanged.status)).toEqual(['DOCUMENTS_REQUESTED', 'ACKNOWLEDGED']);
      expect(events[0]?.data?.claimStatusChanged.claim).toEqual({
        id: DEMO.camilleClaimId,
        reference: 'SIN-2026-004217',
        policy: { number: DEMO.camille.contractNumber },
      });
    }

    // Louis's device saw none of that: its first event is the change to his own claim.
    await advance(staff, DEMO.louisClaimId, 'ACKNOWLEDGED');
    const [first] = await l.until(1);
    expect(first?.data?.claimStatusChanged.claim.policy.number).toBe(DEMO.louis.contractNumber);

    // The laptop goes offline; two changes happen; it comes back with its last cursor.
    const cursor = b.received[1]?.data?.claimStatusChanged.cursor;
    await b.stop();
    await advance(staff, DEMO.camilleClaimId, 'EXPERT_ASSIGNED');
    await advance(staff, DEMO.camilleClaimId, 'EXPERT_REPORT');
    const resumed = collect<ClaimEvent>(laptop, CLAIM_EVENTS, { after: cursor });
    const missed = await resumed.until(2);
    expect(missed.map((e) => e.data?.claimStatusChanged.status)).toEqual(['EXPERT_ASSIGNED', 'EXPERT_REPORT']);
    // Once each: the next event after the replay is the next change, not a repeat.
    await advance(staff, DEMO.camilleClaimId, 'DOCUMENTS_REQUESTED', 'Photos du plafond.');
    const after = await resumed.until(3);
    expect(after.map((e) => e.data?.claimStatusChanged.status)).toEqual([
      'EXPERT_ASSIGNED',
      'EXPERT_REPORT',
      'DOCUMENTS_REQUESTED',
    ]);
    expect((await a.until(5)).map((e) => e.data?.claimStatusChanged.status)).toEqual([
      'DOCUMENTS_REQUESTED',
      'ACKNOWLEDGED',
      'EXPERT_ASSIGNED',
      'EXPERT_REPORT',
      'DOCUMENTS_REQUESTED',
    ]);
    expect(l.received).toHaveLength(1);

    for (const s of [a, resumed, l]) await s.stop();
    for (const s of [phone, laptop, louisPhone]) await s.dispose();
  });

  it('pushes a profile edit made on one device to the other, with the changed fields', async () => {
    const camille = await customer(url, 'camille');
    const socket = camille.socket();
    const events = collect<{
      profileChanged: { changedFields: string[]; customer: { firstName: string; phone: string } };
    }>(
      socket,
      'subscription($after: String) { profileChanged(after: $after) { cursor changedFields customer { firstName phone } } }',
      { after: 'users.0' },
    );
    const result = await camille.request(
      'mutation { updateProfile(input: { phone: "06 11 22 33 44" }) { __typename } }',
    );
    expect(result.data).toEqual({ updateProfile: { __typename: 'UpdateProfileSuccess' } });
    const [event] = await events.until(1);
    expect(event?.data?.profileChanged).toMatchObject({
      changedFields: ['phone'],
      customer: { firstName: 'Camille', phone: '+33611223344' },
    });
    await events.stop();
    await socket.dispose();
  });

  it('refuses a subscription to a customer who is not signed in', async () => {
    const socket = new AbriClient(url).socket();
    const events = collect(socket, CLAIM_EVENTS);
    const [first] = await events.until(1);
    expect(first).toEqual({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })],
    });
    await socket.dispose();
  });

  it('closes the sockets of a session when it logs out', async () => {
    const camille = await customer(url, 'camille');
    const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (m) => JSON.parse(String(m)).type === 'connection_ack' && resolve()),
    );
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${camille.accessToken}` } }),
    );
    await acked;
    await camille.request('mutation { logout }');
    expect(await closed).toBe(4403);
    // And its access token is refused from then on.
    expect((await camille.request('{ me { id } }')).status).toBe(401);
  });
});

describe('subgraphs are reachable only through the gateway', () => {
  it('refuses unsigned HTTP requests, _entities included, and forged signatures', async () => {
    const users = system.subgraphs.users!.url;
    const policies = system.subgraphs.policies!.url;
    const post = (target: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const entities = {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Policy { number } } }',
      variables: { r: [{ __typename: 'Policy', id: DEMO.camille.policyId }] },
    };
    for (const res of [
      await post(users, { query: '{ me { id } }' }),
      await post(policies, entities),
      await post(policies, entities, { 'x-abri-gateway': 'eyJhbGciOiJFZERTQSJ9.eyJ3aG8iOm51bGx9.AAAA' }),
      await fetch(`${users}?query=${encodeURIComponent('{ __typename }')}`),
    ]) {
      expect(res.status).toBe(401);
      expect(JSON.stringify(await res.json())).not.toContain('HAB0012345');
    }
  });

  it('refuses an unsigned WebSocket connection', async () => {
    const socket = new WebSocket(system.subgraphs.claims!.url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    expect(await closed).toBe(4403);
  });
});

describe('bad input gets a clear answer and the server keeps serving', () => {
  const healthy = async () => expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { id }',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    await healthy();
  });

  it('answers an unknown field with a validation error', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { shoeSize } }' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await healthy();
  });

  it('refuses a 10 MB body with 413 without reading it all', async () => {
    const { port } = new URL(url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`,
        );
        socket.write('x'.repeat(64 * 1024));
      });
      let text = '';
      socket.on('data', (d) => {
        text += d;
      });
      socket.on('close', () => resolve(text));
      socket.on('error', (e) => (text ? resolve(text) : reject(e)));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    await healthy();
  });

  it('closes a WebSocket that breaks the protocol with 4400', async () => {
    const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () => socket.send('{"type":"subscribe","id":"1"}'));
    expect(await closed).toBe(4400);
    await healthy();
  });

  it('tells a client that sends a subscription over HTTP to use the WebSocket', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { claimStatusChanged { cursor } }' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    await healthy();
  });
});
