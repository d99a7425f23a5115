// The staff GraphiQL page: GraphiQL 5 with a « Connexion » panel (staffLogin, then the TOTP code; the access token
// is written into the Authorization header and renewed without the password), an « Opérations » panel of saved
// daily tasks, and subscriptions run over the gateway's socket with the header's token.
import 'graphiql/style.css';
import './workers.ts';
import { useHeadersEditorState, useOperationsEditorState, useVariablesEditorState } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { createElement as h, type ReactNode, StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type OperationForm, SAVED_OPERATIONS } from './operations.ts';
import { type SignInStep, type StaffSessionState, staffSession } from './session.ts';

const endpoint = `${location.origin}/graphql`;
const session = staffSession(endpoint);

type Params = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null };

/** The Authorization header of the editor, or null when it holds no token. */
function authorizationOf(headers: Record<string, unknown> | undefined): string | null {
  for (const [name, value] of Object.entries(headers ?? {}))
    if (/^authorization$/i.test(name) && typeof value === 'string' && /^bearer\s+\S+/i.test(value)) return value;
  return null;
}

const sockets = new Map<string, Client>();
/** One socket per token: a subscription runs as whoever the header says. */
function socketFor(authorization: string | null): Client {
  const key = authorization ?? '';
  let client = sockets.get(key);
  if (!client) {
    client = createClient({
      url: endpoint.replace(/^http/, 'ws'),
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: 0,
    });
    sockets.set(key, client);
  }
  return client;
}

function isSubscription(params: Params): boolean {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}

async function fetcher(params: Params, options?: { headers?: Record<string, unknown> }) {
  const authorization = authorizationOf(options?.headers);
  if (isSubscription(params))
    return socketFor(authorization).iterate({
      query: params.query,
      variables: params.variables ?? {},
      ...(params.operationName ? { operationName: params.operationName } : {}),
    });
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(options?.headers ?? {}))
    if (typeof value === 'string' && !/^authorization$/i.test(name)) headers[name] = value;
  if (authorization) headers.authorization = authorization;
  const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(params) });
  return res.json();
}

const formatTime = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));

/**
 * Keeps the Authorization header in step with the session, and says who is signed in. A header the user set to
 * another token (a customer's, to try a subscription) is left alone.
 */
function SessionStatus() {
  const [headers, setHeaders] = useHeadersEditorState();
  const [state, setState] = useState<StaffSessionState | null>(session.state);
  const written = useRef<string | null>(null);
  useEffect(() => session.onChange(setState), []);
  useEffect(() => {
    if (!state) return;
    let current: Record<string, unknown> = {};
    try {
      current = JSON.parse(headers || '{}') as Record<string, unknown>;
    } catch {}
    const present = authorizationOf(current);
    const bearer = `Bearer ${state.accessToken}`;
    if (present === bearer || (present && present !== written.current)) return;
    for (const name of Object.keys(current)) if (/^authorization$/i.test(name)) delete current[name];
    written.current = bearer;
    setHeaders(JSON.stringify({ ...current, Authorization: bearer }, null, 2));
  }, [state, headers, setHeaders]);
  return h(
    'div',
    { className: 'abri-session', 'data-testid': 'session-status', style: { padding: '4px 8px', fontSize: 13 } },
    state
      ? `Connecté : ${state.email} · jeton renouvelé automatiquement (valable jusqu’à ${formatTime(state.expiresAt)})`
      : 'Non connecté : ouvrez le panneau « Connexion ».',
  );
}

function field(label: string, props: Record<string, unknown>): ReactNode {
  return h(
    'label',
    { style: { display: 'block', margin: '8px 0' } },
    label,
    h('input', { ...props, style: { display: 'block', width: '100%' } }),
  );
}

function SignInPanel() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<SignInStep | null>(null);
  const [state, setState] = useState<StaffSessionState | null>(session.state);
  useEffect(() => session.onChange(setState), []);
  if (state)
    return h(
      'div',
      null,
      h('p', null, `Connecté : ${state.email}.`),
      h('p', null, `Le jeton est renouvelé sans mot de passe avant son expiration (${formatTime(state.expiresAt)}).`),
      h('button', { type: 'button', onClick: () => void session.refresh() }, 'Renouveler maintenant'),
      ' ',
      h('button', { type: 'button', onClick: () => session.signOut() }, 'Se déconnecter'),
    );
  const challenge = step?.kind === 'totp' ? step.challengeToken : null;
  return h(
    'form',
    {
      onSubmit: async (event: Event) => {
        event.preventDefault();
        setStep(challenge ? await session.verify(challenge, code, email) : await session.signIn(email, password));
      },
    },
    h('h3', null, 'Connexion du personnel'),
    challenge
      ? field('Code de l’application d’authentification', {
          value: code,
          inputMode: 'numeric',
          autoComplete: 'one-time-code',
          onChange: (e: { target: HTMLInputElement }) => setCode(e.target.value),
        })
      : [
          field('Adresse e-mail', {
            key: 'email',
            type: 'email',
            value: email,
            autoComplete: 'username',
            onChange: (e: { target: HTMLInputElement }) => setEmail(e.target.value),
          }),
          field('Mot de passe', {
            key: 'password',
            type: 'password',
            value: password,
            autoComplete: 'current-password',
            onChange: (e: { target: HTMLInputElement }) => setPassword(e.target.value),
          }),
        ],
    step?.kind === 'error' ? h('p', { role: 'alert' }, step.message) : null,
    h('button', { type: 'submit' }, challenge ? 'Valider le code' : 'Se connecter'),
  );
}

function OperationsPanel() {
  const [, setOperations] = useOperationsEditorState();
  const [, setVariables] = useVariablesEditorState();
  const [form, setForm] = useState<OperationForm>({ claimId: '', status: 'DECLARED' });
  const input = (label: string, name: keyof OperationForm) =>
    field(label, {
      name,
      value: form[name],
      onChange: (e: { target: HTMLInputElement }) => setForm({ ...form, [name]: e.target.value }),
    });
  return h(
    'div',
    null,
    h('h3', null, 'Opérations enregistrées'),
    input('Sinistre (identifiant)', 'claimId'),
    input('Statut (file d’attente, ou statut visé)', 'status'),
    h(
      'ul',
      { style: { listStyle: 'none', padding: 0 } },
      SAVED_OPERATIONS.map((op) =>
        h(
          'li',
          { key: op.title, style: { margin: '6px 0' } },
          h(
            'button',
            {
              type: 'button',
              onClick: () => {
                setOperations(op.query);
                setVariables(JSON.stringify(op.variables(form), null, 2));
              },
            },
            op.title,
          ),
        ),
      ),
    ),
  );
}

/** A sidebar icon from one SVG path (24×24), drawn in the sidebar's colour. */
const icon = (d: string) => () =>
  h(
    'svg',
    {
      viewBox: '0 0 24 24',
      width: 20,
      height: 20,
      'aria-hidden': true,
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: 1.8,
    },
    h('path', { d }),
  );
const plugins = [
  {
    title: 'Connexion',
    icon: icon('M14 10a4 4 0 1 0-3.5 4L4 20.5V23h3v-2h2v-2h2l2.2-2.2A4 4 0 0 0 14 10z'),
    content: SignInPanel,
  },
  { title: 'Opérations', icon: icon('M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01'), content: OperationsPanel },
];

function App() {
  return h(
    GraphiQL,
    {
      fetcher: fetcher as never,
      plugins,
      defaultEditorToolsVisibility: true,
      defaultHeaders: '{}',
      defaultQuery: SAVED_OPERATIONS[0]!.query,
    },
    h(GraphiQL.Footer, null, h(SessionStatus)),
  );
}

// After a reload, the session comes back from its refresh token (no password, no code).
void session.refresh();
createRoot(document.getElementById('graphiql')!).render(h(StrictMode, null, h(App)));
