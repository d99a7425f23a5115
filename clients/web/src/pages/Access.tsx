// The pages a customer reaches without being signed in, mostly from a link Abri e-mailed: « Créer mon accès » (the
// invitation asks for it), the activation link, a forgotten password (a link by e-mail or a code by SMS), the new
// password from the link, and « Ce n'était pas moi » from a security alert. Every answer is the service's own French
// sentence; the requests answer the same whether or not the account exists, and so do these pages.
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Provider, useMutation } from 'urql';
import { createPublicClient } from '../client.ts';
import { graphql } from '../gql/index.ts';

const Register = graphql(`
  mutation RegisterAccount($input: RegisterAccountInput!) {
    registerAccount(input: $input) {
      __typename
      ... on RegistrationReceived { message }
      ... on PasswordRejected { message reasons }
    }
  }
`);

const Activate = graphql(`
  mutation ActivateAccount($token: String!) {
    activateAccount(token: $token) {
      __typename
      ... on AccountActivated { message }
      ... on InvalidToken { message }
    }
  }
`);

const RequestActivation = graphql(`
  mutation RequestActivationLink($contractNumber: String!) {
    requestActivationLink(contractNumber: $contractNumber)
  }
`);

const RequestReset = graphql(`
  mutation RequestPasswordReset($contractNumber: String!) {
    requestPasswordReset(contractNumber: $contractNumber)
  }
`);

const RecoverContractNumber = graphql(`
  mutation RecoverContractNumber($email: String!) {
    recoverContractNumber(email: $email)
  }
`);

const RequestSms = graphql(`
  mutation RequestSmsCode($contractNumber: String!) {
    requestSmsCode(contractNumber: $contractNumber)
  }
`);

const ResetByLink = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      __typename
      ... on PasswordResetDone { message }
      ... on InvalidToken { message }
      ... on PasswordRejected { message reasons }
    }
  }
`);

const ResetBySms = graphql(`
  mutation ResetPasswordWithSmsCode($contractNumber: String!, $code: String!, $newPassword: String!) {
    resetPasswordWithSmsCode(contractNumber: $contractNumber, code: $code, newPassword: $newPassword) {
      __typename
      ... on PasswordResetDone { message }
      ... on InvalidToken { message }
      ... on PasswordRejected { message reasons }
    }
  }
`);

const ReportNotMe = graphql(`
  mutation ReportUnrecognisedSignIn($token: String!) {
    reportUnrecognisedSignIn(token: $token)
  }
`);

const UNAVAILABLE = 'Le service est momentanément indisponible. Réessayez dans un instant.';
const RULES =
  'Au moins 8 caractères avec une majuscule, une minuscule, un chiffre et un caractère spécial, sans votre nom, votre e-mail ni votre numéro de contrat.';

type Said = { ok: boolean; text: string; reasons?: readonly string[] } | null;

/** A public page with its anonymous client: nothing of a signed-in session is cached here. */
function anonymous(Page: () => ReactNode) {
  return function WithPublicClient() {
    const client = useMemo(() => createPublicClient(), []);
    return (
      <Provider value={client}>
        <Page />
      </Provider>
    );
  };
}

/** The frame of a public page. */
function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <main id="contenu" className="narrow">
        <p className="brand big" aria-hidden="true">
          Abri
        </p>
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {children}
        <p>
          <Link to="/connexion">Retour à la connexion</Link>
        </p>
      </main>
    </>
  );
}

function Message({ said }: { said: Said }) {
  if (!said) return null;
  return (
    <div className={said.ok ? 'ok' : 'error'} role={said.ok ? 'status' : 'alert'}>
      <p>{said.text}</p>
      {said.reasons && said.reasons.length > 0 && (
        <ul>
          {said.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const field = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '');

function ContractField() {
  return (
    <div className="field">
      <label htmlFor="contractNumber">Numéro de contrat</label>
      <input
        id="contractNumber"
        name="contractNumber"
        autoComplete="username"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
    </div>
  );
}

function NewPasswordField({ label = 'Nouveau mot de passe' }: { label?: string }) {
  return (
    <div className="field">
      <label htmlFor="newPassword">{label}</label>
      <input
        id="newPassword"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        aria-describedby="newPassword-help"
        required
      />
      <p id="newPassword-help" className="help">
        {RULES}
      </p>
    </div>
  );
}

/** A result union's answer: success when its type is `done`, else the refusal with its reasons. */
function said(
  outcome: { __typename: string; message?: string; reasons?: readonly string[] } | undefined,
  done: string,
) {
  if (!outcome?.message) return { ok: false, text: UNAVAILABLE };
  return {
    ok: outcome.__typename === done,
    text: outcome.message,
    ...(outcome.reasons ? { reasons: outcome.reasons } : {}),
  };
}

/** « Créer mon accès »: the invitation's next step; the activation link follows by e-mail. */
export const CreateAccess = anonymous(function CreateAccess() {
  const [state, run] = useMutation(Register);
  const [result, setResult] = useState<Said>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = {
      contractNumber: field(form, 'contractNumber').trim(),
      email: field(form, 'email').trim(),
      password: field(form, 'newPassword'),
    };
    setResult(said((await run({ input })).data?.registerAccount, 'RegistrationReceived'));
  }
  return (
    <PublicPage title="Créer mon accès">
      {result?.ok ? (
        <Message said={result} />
      ) : (
        <form className="card stack" onSubmit={(e) => void submit(e)}>
          <p>Saisissez votre numéro de contrat, l’adresse e-mail donnée à Abri et le mot de passe de votre choix.</p>
          <ContractField />
          <div className="field">
            <label htmlFor="email">Adresse e-mail</label>
            <input id="email" name="email" type="email" autoComplete="email" required />
          </div>
          <NewPasswordField label="Mot de passe" />
          <Message said={result} />
          <button type="submit" className="primary" disabled={state.fetching}>
            Créer mon accès
          </button>
        </form>
      )}
    </PublicPage>
  );
});

/**
 * « Numéro de contrat oublié ? »: the numbers go by e-mail to the address of the account. The page says the same
 * whatever the address, as the API does: it never tells whether the address is a customer's.
 */
export const ForgotContractNumber = anonymous(function ForgotContractNumber() {
  const [state, run] = useMutation(RecoverContractNumber);
  const [result, setResult] = useState<Said>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = await run({ email: field(event.currentTarget, 'email').trim() });
    setResult(
      answer.data?.recoverContractNumber
        ? {
            ok: true,
            text: 'Si cette adresse est celle d’un espace client Abri, votre numéro de contrat vient d’y être envoyé. Pensez à regarder dans vos courriers indésirables.',
          }
        : { ok: false, text: UNAVAILABLE },
    );
  }
  return (
    <PublicPage title="Numéro de contrat oublié">
      {result?.ok ? (
        <Message said={result} />
      ) : (
        <form className="card stack" onSubmit={(e) => void submit(e)}>
          <p>
            Saisissez l’adresse e-mail de votre espace client&nbsp;: nous y envoyons votre numéro de contrat. Il figure
            aussi sur vos conditions particulières et sur votre attestation d’assurance.
          </p>
          <div className="field">
            <label htmlFor="email">Adresse e-mail</label>
            <input id="email" name="email" type="email" autoComplete="email" required />
          </div>
          <Message said={result} />
          <button type="submit" className="primary" disabled={state.fetching}>
            Recevoir mon numéro de contrat
          </button>
        </form>
      )}
    </PublicPage>
  );
});

/** The activation link (`/activation?jeton=`): followed once, on a button press (mail scanners open links too). */
export const Activation = anonymous(function Activation() {
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [state, run] = useMutation(Activate);
  const [again, runAgain] = useMutation(RequestActivation);
  const [result, setResult] = useState<Said>(null);
  const [resent, setResent] = useState(false);
  return (
    <PublicPage title="Activer mon espace client">
      {result?.ok ? (
        <>
          <Message said={result} />
          <p>
            <Link className="button primary" to="/connexion">
              Me connecter
            </Link>
          </p>
        </>
      ) : (
        <div className="card stack">
          <p>
            Vous avez choisi votre mot de passe&nbsp;: il reste à confirmer que cette adresse e-mail est bien la vôtre.
          </p>
          <Message said={result} />
          <button
            type="button"
            className="primary"
            disabled={state.fetching || !token}
            onClick={() =>
              void run({ token }).then((r) => setResult(said(r.data?.activateAccount, 'AccountActivated')))
            }
          >
            Activer mon espace client
          </button>
        </div>
      )}
      {(result?.ok === false || !token) && (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void runAgain({ contractNumber: field(e.currentTarget, 'contractNumber').trim() }).then(() =>
              setResent(true),
            );
          }}
        >
          <h2>Recevoir un nouveau lien</h2>
          <ContractField />
          {resent && (
            <p className="ok" role="status">
              Si ce contrat attend son activation, un nouveau lien vient d’être envoyé à l’adresse e-mail connue d’Abri.
            </p>
          )}
          <button type="submit" className="secondary" disabled={again.fetching}>
            Envoyer un nouveau lien
          </button>
        </form>
      )}
    </PublicPage>
  );
});

/** « Mot de passe oublié »: a link by e-mail, or a code by SMS typed here with the new password. */
export const ForgotPassword = anonymous(function ForgotPassword() {
  const [way, setWay] = useState<'email' | 'sms'>('email');
  const [sent, setSent] = useState<{ way: 'email' | 'sms'; contractNumber: string } | null>(null);
  const [email, runEmail] = useMutation(RequestReset);
  const [sms, runSms] = useMutation(RequestSms);
  const [reset, runReset] = useMutation(ResetBySms);
  const [result, setResult] = useState<Said>(null);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const contractNumber = field(event.currentTarget, 'contractNumber').trim();
    const answer = way === 'email' ? await runEmail({ contractNumber }) : await runSms({ contractNumber });
    if (answer.error) setResult({ ok: false, text: UNAVAILABLE });
    else setSent({ way, contractNumber });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const answer = await runReset({
      contractNumber: sent?.contractNumber ?? '',
      code: field(form, 'code').replace(/\s/g, ''),
      newPassword: field(form, 'newPassword'),
    });
    setResult(said(answer.data?.resetPasswordWithSmsCode, 'PasswordResetDone'));
  }

  if (result?.ok)
    return (
      <PublicPage title="Mot de passe oublié">
        <Message said={result} />
        <p>
          <Link className="button primary" to="/connexion">
            Me connecter
          </Link>
        </p>
      </PublicPage>
    );
  return (
    <PublicPage title="Mot de passe oublié">
      {!sent ? (
        <form className="card stack" onSubmit={(e) => void ask(e)}>
          <ContractField />
          <fieldset className="choices">
            <legend>Recevoir</legend>
            <label className="choice">
              <input type="radio" name="way" checked={way === 'email'} onChange={() => setWay('email')} />
              un lien par e-mail
            </label>
            <label className="choice">
              <input type="radio" name="way" checked={way === 'sms'} onChange={() => setWay('sms')} />
              un code par SMS
            </label>
          </fieldset>
          <Message said={result} />
          <button type="submit" className="primary" disabled={email.fetching || sms.fetching}>
            Envoyer
          </button>
        </form>
      ) : sent.way === 'email' ? (
        <p className="ok card" role="status">
          Si ce numéro de contrat correspond à un espace client, un lien pour choisir un nouveau mot de passe vient
          d’être envoyé à son adresse e-mail. Il est valable 24&nbsp;heures.
        </p>
      ) : (
        <form className="card stack" onSubmit={(e) => void confirm(e)}>
          <p role="status">
            Si ce numéro de contrat correspond à un espace client, un code à 6&nbsp;chiffres vient d’être envoyé par SMS
            au numéro de téléphone connu d’Abri. Il est valable 10&nbsp;minutes.
          </p>
          <div className="field">
            <label htmlFor="code">Code reçu par SMS</label>
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
          </div>
          <NewPasswordField />
          <Message said={result} />
          <button type="submit" className="primary" disabled={reset.fetching}>
            Enregistrer mon nouveau mot de passe
          </button>
        </form>
      )}
    </PublicPage>
  );
});

/** The e-mailed reset link (`/mot-de-passe/nouveau?jeton=`). */
export const NewPassword = anonymous(function NewPassword() {
  const [params] = useSearchParams();
  const [state, run] = useMutation(ResetByLink);
  const [result, setResult] = useState<Said>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const answer = await run({
      token: params.get('jeton') ?? '',
      newPassword: field(event.currentTarget, 'newPassword'),
    });
    setResult(said(answer.data?.resetPassword, 'PasswordResetDone'));
  }
  return (
    <PublicPage title="Choisir un nouveau mot de passe">
      {result?.ok ? (
        <>
          <Message said={result} />
          <p>
            <Link className="button primary" to="/connexion">
              Me connecter
            </Link>
          </p>
        </>
      ) : (
        <form className="card stack" onSubmit={(e) => void submit(e)}>
          <NewPasswordField />
          <Message said={result} />
          <button type="submit" className="primary" disabled={state.fetching}>
            Enregistrer mon nouveau mot de passe
          </button>
          {result && !result.ok && !result.reasons?.length && (
            <p>
              <Link to="/mot-de-passe/oublie">Demander un nouveau lien</Link>
            </p>
          )}
        </form>
      )}
    </PublicPage>
  );
});

/**
 * « Ce n'était pas moi » (`/securite/ce-n-etait-pas-moi?jeton=`), from the alert after a sign-in or a change of
 * phone or second factor: ends the session that did it and blocks the password until it is reset.
 */
export const NotMe = anonymous(function NotMe() {
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [state, run] = useMutation(ReportNotMe);
  const [result, setResult] = useState<Said>(null);
  return (
    <PublicPage title="Ce n’était pas moi">
      {result ? (
        <>
          <Message said={result} />
          {result.ok && (
            <p>
              <Link className="button primary" to="/mot-de-passe/oublie">
                Choisir un nouveau mot de passe
              </Link>
            </p>
          )}
        </>
      ) : (
        <div className="card stack">
          <p>
            Vous avez reçu une alerte pour une connexion ou un changement que vous ne reconnaissez pas. Abri va fermer
            la session concernée et bloquer votre mot de passe actuel&nbsp;: vous en choisirez un nouveau.
          </p>
          <button
            type="button"
            className="primary"
            disabled={state.fetching || !token}
            onClick={() =>
              void run({ token }).then((r) =>
                setResult(
                  r.data?.reportUnrecognisedSignIn
                    ? {
                        ok: true,
                        text: 'C’est fait\u00a0: la session concernée est fermée et votre mot de passe est bloqué. Choisissez-en un nouveau pour vous reconnecter.',
                      }
                    : r.data
                      ? {
                          ok: false,
                          text: 'Ce lien n’est plus valable (déjà utilisé ou expiré). Si vous pensez que quelqu’un utilise votre compte, changez votre mot de passe.',
                        }
                      : { ok: false, text: UNAVAILABLE },
                ),
              )
            }
          >
            Bloquer l’accès et sécuriser mon compte
          </button>
        </div>
      )}
    </PublicPage>
  );
});
