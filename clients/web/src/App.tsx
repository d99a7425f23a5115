// Routes and the frame every signed-in screen shares (header, sections, sign-out). Public pages (sign-in, the
// links e-mails and QR codes point to) render without it.
import { lazy, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { session, signOut } from './auth/session.ts';
import { useLiveClaims } from './claims/live.ts';
import { createApiClient } from './client.ts';
import { useLiveProfile } from './live/profile.ts';
import { OfflineNotice, OfflineSpace } from './offline/OfflineSpace.tsx';
import { ClaimDetail } from './pages/ClaimDetail.tsx';
import { Claims } from './pages/Claims.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { DeclareClaim } from './pages/DeclareClaim.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { SearchBar } from './search/SearchBar.tsx';

// Screens opened less often load on demand, so the first paint carries only sign-in, dashboard and claims.
const Account = lazy(() => import('./pages/Account.tsx').then((m) => ({ default: m.Account })));
const Contract = lazy(() => import('./pages/Contract.tsx').then((m) => ({ default: m.Contract })));
const Documents = lazy(() => import('./pages/Documents.tsx').then((m) => ({ default: m.Documents })));
const Privacy = lazy(() => import('./pages/Privacy.tsx').then((m) => ({ default: m.Privacy })));
const Payments = lazy(() => import('./pages/Payments.tsx').then((m) => ({ default: m.Payments })));
const Verify = lazy(() => import('./pages/Verify.tsx').then((m) => ({ default: m.Verify })));
const access = () => import('./pages/Access.tsx');
const Help = lazy(() => import('./pages/Help.tsx').then((m) => ({ default: m.Help })));

/** Pages anyone opens, signed in or not: the links e-mails and QR codes point to. */
const PUBLIC: Record<string, ReturnType<typeof lazy>> = {
  '/verifier': Verify,
  '/creer-mon-acces': lazy(() => access().then((m) => ({ default: m.CreateAccess }))),
  '/activation': lazy(() => access().then((m) => ({ default: m.Activation }))),
  '/mot-de-passe/oublie': lazy(() => access().then((m) => ({ default: m.ForgotPassword }))),
  '/numero-de-contrat-oublie': lazy(() => access().then((m) => ({ default: m.ForgotContractNumber }))),
  '/mot-de-passe/nouveau': lazy(() => access().then((m) => ({ default: m.NewPassword }))),
  '/securite/ce-n-etait-pas-moi': lazy(() => access().then((m) => ({ default: m.NotMe }))),
};

const loading = (
  <p className="loading" role="status">
    Chargement…
  </p>
);

const SECTIONS = [
  { to: '/', label: 'Accueil', end: true },
  { to: '/contrat', label: 'Mon contrat', end: false },
  { to: '/sinistres', label: 'Sinistres', end: false },
  { to: '/paiements', label: 'Paiements', end: false },
  { to: '/documents', label: 'Documents', end: false },
  { to: '/compte', label: 'Compte', end: false },
  { to: '/aide', label: 'Aide', end: false },
] as const;

/** Live updates for every screen of the session (the cache they update is shared). */
function Live() {
  useLiveClaims();
  useLiveProfile();
  return null;
}

function useSession() {
  return useSyncExternalStore(session.subscribe, () => session.state);
}

/** Moves focus to the new page's heading after a navigation, so screen readers announce it. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, which the effect does not read
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);
}

function SignedInFrame({ generation }: { generation: number }) {
  // One client per sign-in: nothing cached for a previous customer survives.
  // Its socket is lazy: it closes by itself once this frame's subscriptions end (sign-out unmounts them).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the generation is the reason to make a new client
  const api = useMemo(() => createApiClient(), [generation]);
  useFocusOnNavigate();
  return (
    <Provider value={api.client}>
      <Live />
      <a className="skip" href="#contenu">
        Aller au contenu
      </a>
      <header className="top">
        <span className="brand" aria-hidden="true">
          Abri
        </span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to} end={s.end}>
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBar id="search-q" />
        <button type="button" className="link" onClick={() => void signOut()}>
          Se déconnecter
        </button>
      </header>
      <main id="contenu">
        <OfflineNotice />
        <Suspense fallback={loading}>
          <Routes>
            <Route path="/" element={<Dashboard />} />
            <Route path="/sinistres" element={<Claims />} />
            <Route path="/sinistres/declarer" element={<DeclareClaim />} />
            <Route path="/sinistres/:claimId" element={<ClaimDetail />} />
            <Route path="/contrat" element={<Contract />} />
            <Route path="/paiements" element={<Payments />} />
            <Route path="/documents" element={<Documents />} />
            <Route path="/compte" element={<Account />} />
            <Route path="/compte/donnees" element={<Privacy />} />
            <Route path="/aide" element={<Help />} />
            <Route path="/aide/:categorySlug" element={<Help />} />
            <Route path="/aide/article/:articleSlug" element={<Help />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </Provider>
  );
}

export function App() {
  const state = useSession();
  const location = useLocation();
  // Public: a landlord who scans the QR code has no account, nor has someone who forgot a password.
  const Public = PUBLIC[location.pathname];
  if (Public)
    return (
      <Suspense fallback={loading}>
        <Public />
      </Suspense>
    );
  if (location.pathname === '/connexion') {
    if (state.status === 'signedIn' || state.status === 'offline') {
      const back = new URLSearchParams(location.search).get('retour');
      return <Navigate to={back?.startsWith('/') && !back.startsWith('//') ? back : '/'} replace />;
    }
    return <SignIn />;
  }
  if (state.status === 'unknown') return loading;
  // No network at start: the last signed-in customer's kept dashboard and attestation, until it comes back.
  if (state.status === 'offline') return <OfflineSpace snapshot={state.snapshot} />;
  if (state.status === 'signedOut') {
    const back = location.pathname === '/' ? '' : `?retour=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/connexion${back}`} replace />;
  }
  return <SignedInFrame generation={state.generation} />;
}
