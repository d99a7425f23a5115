// « Mon compte et sécurité »: the profile (name, mobile number; the e-mail is shown), how well the account is
// protected and what to do next, the devices signed in now (sign one out, or all), and the recent sign-ins with
// place and device, so the customer notices one that was not theirs; the notifications this device and the others
// receive.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ChangePassword } from '../account/ChangePassword.tsx';
import { EmailChange, PhoneConfirmation } from '../account/ContactChange.tsx';
import { Notifications } from '../account/Notifications.tsx';
import { PostalAddress } from '../account/PostalAddress.tsx';
import { ScoreHistory } from '../account/ScoreHistory.tsx';
import { SignInHistory } from '../account/SignInHistory.tsx';
import { TwoFactor } from '../account/TwoFactor.tsx';
import { adoptAccessToken, signOut } from '../auth/session.ts';
import { dateTime } from '../format.ts';
import type { ProfileInput } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';

const AccountQuery = graphql(`
  query Account {
    me {
      id
      firstName
      lastName
      email
      phone
      phoneConfirmed
      twoFactorEnabled
      twoFactorMethod
      securityScore { score recommendations factors { key label ok } }
      securityScoreHistory(days: 90) { day score }
      sessions { id device city country signedInAt lastSeenAt current }
      loginHistory(first: 10) { id at outcome city country device unrecognised review }
    }
  }
`);

const UpdateProfile = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfileSuccess { changedFields customer { id firstName lastName phone phoneConfirmed securityScore { score recommendations factors { key label ok } } } }
      ... on InvalidProfile { message field }
    }
  }
`);

const ConfirmIdentity = graphql(`
  mutation ConfirmIdentity($password: String!) {
    confirmIdentity(password: $password) {
      __typename
      ... on IdentityConfirmed { accessToken expiresAt }
      ... on WrongCurrentPassword { message }
    }
  }
`);

const RevokeSession = graphql(`
  mutation RevokeSession($sessionId: ID!) {
    revokeSession(sessionId: $sessionId)
  }
`);

const place = (p: { city?: string | null; country?: string | null }) =>
  [p.city, p.country].filter(Boolean).join(', ') || 'lieu inconnu';

type ProfileOutcome = { ok: true } | { ok: false; field: string; message: string } | null;

/**
 * The profile form. Its fields start from the cache, and the parent gives it a new key when the profile changes
 * (saved here, or live from another device), so they show what is saved; the outcome lives in the parent to outlast
 * that.
 */
function Profile({
  me,
  outcome,
  setOutcome,
}: {
  me: { firstName: string; lastName: string; email: string; phone?: string | null };
  outcome: ProfileOutcome;
  setOutcome: (outcome: ProfileOutcome) => void;
}) {
  const [saving, save] = useMutation(UpdateProfile);
  const [confirming, confirm] = useMutation(ConfirmIdentity);
  // A new mobile number (where recovery codes go) needs the password typed in the last minutes: the change waits
  // here while the customer confirms it, then is sent again as it was.
  const [waiting, setWaiting] = useState<ProfileInput | null>(null);
  const [stepUpError, setStepUpError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    await send({ firstName: text('firstName'), lastName: text('lastName'), phone: text('phone') });
  }

  async function confirmThenSend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    setStepUpError(null);
    const result = await confirm({ password });
    const answer = result.data?.confirmIdentity;
    if (answer?.__typename === 'IdentityConfirmed' && waiting) {
      adoptAccessToken(answer.accessToken, String(answer.expiresAt));
      await send(waiting);
    } else if (answer?.__typename === 'WrongCurrentPassword') setStepUpError(answer.message);
    else setStepUpError('La vérification n’a pas pu aboutir. Réessayez.');
  }

  async function send(input: ProfileInput) {
    setOutcome(null);
    const result = await save({ input });
    if (result.error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'REAUTHENTICATION_REQUIRED')) {
      setWaiting(input);
      return;
    }
    setWaiting(null);
    const answer = result.data?.updateProfile;
    if (answer?.__typename === 'UpdateProfileSuccess') setOutcome({ ok: true });
    else if (answer?.__typename === 'InvalidProfile')
      setOutcome({ ok: false, field: answer.field, message: answer.message });
    else setOutcome({ ok: false, field: '', message: 'Vos informations n’ont pas pu être enregistrées. Réessayez.' });
  }

  const fieldError = (field: string) => (outcome && !outcome.ok && outcome.field === field ? outcome.message : null);
  const input = (name: 'firstName' | 'lastName' | 'phone', label: string, value: string, extra: object = {}) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        defaultValue={value}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `${name}-error` : undefined}
        {...extra}
      />
      {fieldError(name) && (
        <p id={`${name}-error`} className="error">
          {fieldError(name)}
        </p>
      )}
    </div>
  );

  if (waiting)
    return (
      <form className="card stack" aria-labelledby="step-up-heading" onSubmit={(e) => void confirmThenSend(e)}>
        <h2 id="step-up-heading">Confirmez votre mot de passe</h2>
        <p>
          Votre numéro de téléphone mobile reçoit les codes de récupération de votre compte : pour le changer, confirmez
          d’abord votre mot de passe.
        </p>
        <div className="field">
          <label htmlFor="step-up-password">Mot de passe</label>
          <input
            id="step-up-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={stepUpError ? true : undefined}
            aria-describedby={stepUpError ? 'step-up-error' : undefined}
          />
          {stepUpError && (
            <p id="step-up-error" className="error">
              {stepUpError}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={confirming.fetching || saving.fetching}>
          Confirmer et enregistrer
        </button>
        <button type="button" className="secondary" onClick={() => setWaiting(null)}>
          Annuler
        </button>
      </form>
    );

  return (
    <form className="card stack" aria-labelledby="profile-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="profile-heading">Mes informations</h2>
      {input('firstName', 'Prénom', me.firstName, { autoComplete: 'given-name' })}
      {input('lastName', 'Nom', me.lastName, { autoComplete: 'family-name' })}
      {input('phone', 'Téléphone mobile', me.phone ?? '', { type: 'tel', autoComplete: 'tel' })}
      <p className="muted">
        Adresse e-mail : <strong>{me.email}</strong>
      </p>
      <div aria-live="polite">
        {outcome?.ok && <p className="ok">Vos informations sont enregistrées.</p>}
        {outcome && !outcome.ok && !['firstName', 'lastName', 'phone'].includes(outcome.field) && (
          <p className="error">{outcome.message}</p>
        )}
      </div>
      <button type="submit" className="primary" disabled={saving.fetching}>
        Enregistrer
      </button>
    </form>
  );
}

export function Account() {
  const [{ data, error }, refetch] = useQuery({ query: AccountQuery });
  const [, revoke] = useMutation(RevokeSession);
  const [notice, setNotice] = useState<string | null>(null);
  const [profileOutcome, setProfileOutcome] = useState<ProfileOutcome>(null);
  const me = data?.me;

  async function signOutDevice(id: string, device: string) {
    setNotice(null);
    const result = await revoke({ sessionId: id });
    setNotice(
      result.data?.revokeSession ? `L’appareil « ${device} » est déconnecté.` : 'Cet appareil était déjà déconnecté.',
    );
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1 tabIndex={-1}>Mon compte et sécurité</h1>
      {error && !data && (
        <p className="error" role="alert">
          Votre compte n’a pas pu être chargé. Réessayez dans un instant.
        </p>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {me && (
        <>
          <Profile
            key={[me.firstName, me.lastName, me.phone].join('\n')}
            me={me}
            outcome={profileOutcome}
            setOutcome={setProfileOutcome}
          />
          {me.phone && !me.phoneConfirmed && <PhoneConfirmation phone={me.phone} />}
          <EmailChange email={me.email} />
          <PostalAddress />
          <section className="card" aria-labelledby="security-heading">
            <h2 id="security-heading">Sécurité du compte</h2>
            <p className="score">
              Niveau de protection : <strong>{me.securityScore.score}&nbsp;/&nbsp;100</strong>
            </p>
            <ScoreHistory points={me.securityScoreHistory} />
            <TwoFactor
              method={me.twoFactorMethod ?? null}
              phoneConfirmed={me.phoneConfirmed}
              changed={() => refetch({ requestPolicy: 'network-only' })}
            />
            {me.securityScore.recommendations.length > 0 && (
              <>
                <h3>Nos conseils</h3>
                <ul>
                  {me.securityScore.recommendations.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <ChangePassword />
          <Notifications />
          <section className="card" aria-labelledby="my-data-heading">
            <h2 id="my-data-heading">Mes données</h2>
            <p>
              Ce que nous conservons et pourquoi, vos consentements, une copie de vos données, qui a consulté votre
              dossier, l’assistance à distance et l’effacement.
            </p>
            <p>
              <Link className="button secondary" to="/compte/donnees">
                Voir et gérer mes données
              </Link>
            </p>
          </section>
          <section className="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">Appareils connectés</h2>
            <ul className="guarantees" aria-label="Appareils connectés">
              {me.sessions.map((s) => {
                const device = s.device ?? 'Appareil inconnu';
                return (
                  <li key={s.id}>
                    <strong>{device}</strong> {s.current && <span className="badge">Cet appareil</span>}
                    <p className="muted note">
                      {place(s)} · connecté le {dateTime(s.signedInAt)} · dernière activité le {dateTime(s.lastSeenAt)}
                    </p>
                    {!s.current && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void signOutDevice(s.id, device)}
                        aria-label={`Déconnecter cet appareil (${device}, connecté le ${dateTime(s.signedInAt)})`}
                      >
                        Déconnecter cet appareil
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            <div aria-live="polite">{notice && <p className="ok">{notice}</p>}</div>
            <p className="actions">
              <button type="button" className="secondary" onClick={() => void signOut(true)}>
                Me déconnecter de tous les appareils
              </button>
            </p>
          </section>
          <SignInHistory events={me.loginHistory} changed={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
    </>
  );
}
