// « Notifications » in « Mon compte » (issue 14.2–14.3): this browser registered for push with the API's VAPID key
// (the browser's PushManager, the service worker shows them), the devices registered listed and removable, the
// categories pushed and the quiet hours. Security notifications cannot be turned off.
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { dateTime } from '../format.ts';
import type { NotificationCategory } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';

const NotificationSettings = graphql(`
  query NotificationSettings {
    webPushPublicKey
    me {
      id
      pushDevices { id channel registeredAt lastNotifiedAt current }
      notificationPreferences { muted quietFrom quietUntil }
    }
  }
`);

const RegisterPushDevice = graphql(`
  mutation RegisterPushDevice($input: PushDeviceInput!) {
    registerPushDevice(input: $input) {
      __typename
      ... on PushDeviceRegistered { device { id channel registeredAt lastNotifiedAt current } }
      ... on Error { message }
    }
  }
`);

const UnregisterPushDevice = graphql(`
  mutation UnregisterPushDevice($id: ID!) {
    unregisterPushDevice(id: $id) {
      __typename
      ... on PushDeviceUnregistered { id }
      ... on Error { message }
    }
  }
`);

const UpdateNotificationPreferences = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      __typename
      ... on NotificationPreferencesUpdated { preferences { muted quietFrom quietUntil } }
      ... on InvalidNotificationPreferences { message field }
    }
  }
`);

const CATEGORIES: { value: NotificationCategory; label: string }[] = [
  { value: 'CLAIMS', label: 'Le suivi de mes sinistres' },
  { value: 'CONTRACT', label: 'Les changements de mon contrat et mes nouveaux documents' },
  { value: 'PAYMENTS', label: 'Mes prélèvements et échéances' },
];

const CHANNEL: Record<string, string> = {
  WEB_PUSH: 'Navigateur ou application web',
  APNS: 'Application iPhone ou iPad',
  FCM: 'Application Android',
};

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The VAPID key (base64url) as the bytes PushManager.subscribe takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const pushSupported = () =>
  typeof window !== 'undefined' &&
  window.isSecureContext &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** This browser's push subscription for `key`, made (after the permission is asked) when there is none. */
async function subscribe(key: string): Promise<PushSubscriptionJSON | 'denied' | 'failed'> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  try {
    const registration = await navigator.serviceWorker.ready;
    const wanted = keyBytes(key);
    let subscription = await registration.pushManager.getSubscription();
    // A subscription made for another key (the server's key changed) cannot be used: made again.
    const current = subscription?.options.applicationServerKey;
    if (subscription && current && !sameBytes(new Uint8Array(current), wanted)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: wanted });
    return subscription.toJSON();
  } catch {
    return 'failed';
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

async function unsubscribeHere() {
  try {
    const subscription = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
    await subscription?.unsubscribe();
  } catch {
    // The server no longer pushes to it: what the browser keeps does no harm.
  }
}

type PreferencesOutcome = { ok: true } | { ok: false; field: string; message: string } | null;

/**
 * The preferences form, from what is saved; the parent gives it a new key when that changes, and keeps the outcome
 * (which outlasts the form).
 */
function Preferences({
  saved,
  changed,
  outcome,
  setOutcome,
}: {
  saved: { muted: readonly string[]; quietFrom?: string | null; quietUntil?: string | null };
  changed: () => void;
  outcome: PreferencesOutcome;
  setOutcome: (outcome: PreferencesOutcome) => void;
}) {
  const [saving, save] = useMutation(UpdateNotificationPreferences);
  const [quiet, setQuiet] = useState(saved.quietFrom != null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setOutcome(null);
    const result = await save({
      input: {
        muted: CATEGORIES.filter((c) => !form.has(`pousser-${c.value}`)).map((c) => c.value),
        quietFrom: quiet ? String(form.get('quietFrom') ?? '') : null,
        quietUntil: quiet ? String(form.get('quietUntil') ?? '') : null,
      },
    });
    const answer = result.data?.updateNotificationPreferences;
    if (answer?.__typename === 'NotificationPreferencesUpdated') {
      setOutcome({ ok: true });
      changed();
    } else if (answer?.__typename === 'InvalidNotificationPreferences')
      setOutcome({ ok: false, field: answer.field, message: answer.message });
    else setOutcome({ ok: false, field: '', message: 'Vos préférences n’ont pas pu être enregistrées. Réessayez.' });
  }

  const fieldError = (field: string) => (outcome && !outcome.ok && outcome.field === field ? outcome.message : null);
  const time = (name: 'quietFrom' | 'quietUntil', label: string, value: string) => (
    <div className="field">
      <label htmlFor={`notifications-${name}`}>{label}</label>
      <input
        id={`notifications-${name}`}
        name={name}
        type="time"
        required
        defaultValue={value}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `notifications-${name}-error` : undefined}
      />
      {fieldError(name) && (
        <p id={`notifications-${name}-error`} className="error">
          {fieldError(name)}
        </p>
      )}
    </div>
  );

  return (
    <form className="stack" aria-labelledby="notification-preferences-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="notification-preferences-heading">Ce que vous recevez</h3>
      <fieldset className="choices">
        <legend>Me notifier pour</legend>
        {CATEGORIES.map((c) => (
          <label key={c.value}>
            <input type="checkbox" name={`pousser-${c.value}`} defaultChecked={!saved.muted.includes(c.value)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      <p className="muted note">
        Les alertes de sécurité (nouvelle connexion, appareil déconnecté, mot de passe ou validation en deux étapes
        modifiés) sont toujours envoyées.
      </p>
      <fieldset className="choices">
        <legend>Heures calmes</legend>
        <label>
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.currentTarget.checked)} />
          Ne pas me déranger pendant une plage horaire (heure de Paris)
        </label>
        {quiet && (
          <div className="hours">
            {time('quietFrom', 'De', saved.quietFrom ?? '22:00')}
            {time('quietUntil', 'À', saved.quietUntil ?? '07:00')}
          </div>
        )}
        <p className="muted note">
          Pendant cette plage, seules les alertes de sécurité arrivent ; les autres notifications vous parviennent à sa
          fin.
        </p>
      </fieldset>
      <div aria-live="polite">
        {outcome?.ok && <p className="ok">Vos préférences de notification sont enregistrées.</p>}
        {outcome && !outcome.ok && !['quietFrom', 'quietUntil'].includes(outcome.field) && (
          <p className="error">{outcome.message}</p>
        )}
      </div>
      <button type="submit" className="primary" disabled={saving.fetching}>
        Enregistrer mes préférences
      </button>
    </form>
  );
}

export function Notifications() {
  const [{ data, error }, refetch] = useQuery({ query: NotificationSettings });
  const [registering, register] = useMutation(RegisterPushDevice);
  const [, unregister] = useMutation(UnregisterPushDevice);
  const [notice, setNotice] = useState<Notice>(null);
  const [outcome, setOutcome] = useState<PreferencesOutcome>(null);
  const me = data?.me;
  const key = data?.webPushPublicKey ?? null;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const registeredHere = me?.pushDevices.some((d) => d.current) ?? false;

  async function registerHere() {
    setNotice(null);
    if (!key) return;
    const subscription = await subscribe(key);
    if (subscription === 'denied') {
      setNotice({
        kind: 'error',
        text: 'Les notifications sont bloquées pour ce site : autorisez-les dans les réglages du navigateur.',
      });
      return;
    }
    if (subscription === 'failed' || !subscription.endpoint) {
      setNotice({ kind: 'error', text: 'Ce navigateur n’a pas pu s’inscrire aux notifications. Réessayez.' });
      return;
    }
    const result = await register({
      input: {
        channel: 'WEB_PUSH',
        endpoint: subscription.endpoint,
        p256dh: subscription.keys?.['p256dh'] ?? null,
        auth: subscription.keys?.['auth'] ?? null,
      },
    });
    const answer = result.data?.registerPushDevice;
    if (answer?.__typename === 'PushDeviceRegistered')
      setNotice({ kind: 'ok', text: 'Cet appareil recevra vos notifications, même application fermée.' });
    else
      setNotice({
        kind: 'error',
        text: answer && 'message' in answer ? answer.message : 'L’inscription n’a pas abouti. Réessayez.',
      });
    reload();
  }

  async function remove(id: string, current: boolean) {
    setNotice(null);
    const result = await unregister({ id });
    if (current) await unsubscribeHere();
    const answer = result.data?.unregisterPushDevice;
    setNotice(
      answer?.__typename === 'PushDeviceUnregistered'
        ? { kind: 'ok', text: 'Cet appareil ne recevra plus de notifications.' }
        : { kind: 'error', text: answer && 'message' in answer ? answer.message : 'Le retrait n’a pas abouti.' },
    );
    reload();
  }

  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      {error && !data && (
        <p className="error" role="alert">
          Vos réglages de notification n’ont pas pu être chargés. Réessayez dans un instant.
        </p>
      )}
      {me && (
        <>
          <p>
            Recevez sur votre téléphone ou votre ordinateur l’avancement de vos sinistres et ce qui change sur votre
            contrat, même quand l’espace client est fermé. Les notifications ne montrent aucun détail personnel.
          </p>
          {!pushSupported() ? (
            <p className="muted">Ce navigateur ne permet pas de recevoir les notifications de l’espace client.</p>
          ) : !key ? (
            <p className="muted">Les notifications ne sont pas proposées pour le moment.</p>
          ) : (
            !registeredHere && (
              <p className="actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={registering.fetching}
                  onClick={() => void registerHere()}
                >
                  Recevoir les notifications sur cet appareil
                </button>
              </p>
            )
          )}
          <div aria-live="polite">
            {notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}
          </div>
          <h3 id="push-devices-heading">Appareils qui reçoivent les notifications</h3>
          {me.pushDevices.length === 0 ? (
            <p>Aucun appareil pour le moment.</p>
          ) : (
            <ul className="guarantees" aria-labelledby="push-devices-heading">
              {me.pushDevices.map((d) => {
                const label = CHANNEL[d.channel] ?? d.channel;
                return (
                  <li key={d.id}>
                    <strong>{label}</strong> {d.current && <span className="badge">Cet appareil</span>}
                    <p className="muted note">
                      inscrit le {dateTime(d.registeredAt)}
                      {d.lastNotifiedAt ? ` · dernière notification le ${dateTime(d.lastNotifiedAt)}` : ''}
                    </p>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void remove(d.id, d.current)}
                      aria-label={`Ne plus notifier cet appareil (${label}, inscrit le ${dateTime(d.registeredAt)})`}
                    >
                      Ne plus notifier
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <Preferences
            key={JSON.stringify(me.notificationPreferences)}
            saved={me.notificationPreferences}
            changed={reload}
            outcome={outcome}
            setOutcome={setOutcome}
          />
        </>
      )}
    </section>
  );
}
