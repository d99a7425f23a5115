// What a push notification says, for each event of the customer's stream. The lock screen may be seen by anyone
// near the phone: no name, amount, address, claim reference or reason for a refusal; only that something happened
// and where to look. The app, once opened and signed in, shows the details.
import type { FeedPayload } from '../app/customer-feed.ts';
import type { PushNotification } from './providers.ts';

const CLAIM_STEPS: Record<string, string> = {
  DECLARED: 'Votre déclaration de sinistre est bien enregistrée.',
  ACKNOWLEDGED: 'Votre dossier de sinistre est pris en charge.',
  DOCUMENTS_REQUESTED: 'Des pièces sont demandées pour votre dossier de sinistre.',
  EXPERT_ASSIGNED: 'Un expert a été missionné pour votre dossier.',
  EXPERT_REPORT: 'Le rapport d’expertise de votre dossier est arrivé.',
  INDEMNITY_COMPUTED: 'Une proposition d’indemnisation vous attend.',
  PAID: 'Votre indemnité a été versée.',
  CLOSED: 'Votre dossier de sinistre est clos.',
  REFUSED: 'Une décision a été prise sur votre dossier de sinistre.',
  REOPENED: 'Votre dossier de sinistre a été rouvert.',
};

/** What a document is, said without its contents (the kinds of policies' DocumentKind). */
const DOCUMENTS: Record<string, string> = {
  ATTESTATION: 'Votre attestation d’assurance est disponible',
  AVENANT: 'Votre avenant est disponible',
  CERTIFICATE: 'Votre certificat de garanties est disponible',
  GENERAL_CONDITIONS: 'Vos conditions générales sont disponibles',
};

/** The notification for an event, or null for an event that is not worth waking a phone for. */
export function notificationOf(event: FeedPayload, cursor: string): PushNotification | null {
  const data = event.data;
  switch (event.kind) {
    case 'claimStatus': {
      const body = CLAIM_STEPS[String(data.status)];
      return body
        ? { title: 'Votre sinistre avance', body, url: `/sinistres/${String(data.claimId)}`, tag: 'claim', cursor }
        : null;
    }
    case 'contract':
      return {
        title: 'Votre contrat a été modifié',
        body: 'Votre avenant est disponible dans votre espace client.',
        url: '/contrat',
        tag: 'contract',
        cursor,
      };
    case 'payment':
      // A monthly debit that went through, as planned: open devices show it, no phone is woken for it.
      if (data.kind === 'instalmentCollected') return null;
      return data.kind === 'arrearPaid'
        ? {
            title: 'Paiement reçu',
            body: 'Votre paiement a bien été enregistré.',
            url: '/paiements',
            tag: 'payment',
            cursor,
          }
        : {
            title: 'Vos paiements',
            body: 'Un point sur vos paiements vous attend dans votre espace client.',
            url: '/paiements',
            tag: 'payment',
            cursor,
          };
    case 'profile':
      return {
        title: 'Votre profil a été modifié',
        body: 'Si vous n’êtes pas à l’origine de ce changement, ouvrez votre espace client.',
        url: '/compte',
        tag: 'security',
        cursor,
      };
    case 'paymentMethods':
      return {
        title: 'Vos moyens de paiement ont changé',
        body: 'Si vous n’êtes pas à l’origine de ce changement, ouvrez votre espace client.',
        url: '/paiements',
        tag: 'security',
        cursor,
      };
    case 'schedule':
      return {
        title: 'Votre échéancier a été modifié',
        body: 'Vos prochaines dates de prélèvement sont dans votre espace client.',
        url: '/paiements',
        tag: 'payment',
        cursor,
      };
    case 'secondFactor':
      return {
        title: 'Sécurité de votre compte',
        body:
          data.enabled === true
            ? 'La validation en deux étapes est activée.'
            : 'La validation en deux étapes a été désactivée. Si ce n’est pas vous, ouvrez votre espace client.',
        url: '/compte',
        tag: 'security',
        cursor,
      };
    case 'sessionRevoked':
      return {
        title: 'Un accès a été fermé',
        body: 'Un appareil a été déconnecté de votre espace client.',
        url: '/compte',
        tag: 'security',
        cursor,
      };
    case 'signIn':
      return {
        title: 'Nouvelle connexion à votre espace client',
        body: 'Si ce n’est pas vous, ouvrez votre espace client pour fermer cet accès.',
        url: '/compte',
        tag: 'security',
        cursor,
      };
    case 'document': {
      const what = DOCUMENTS[String(data.kind)] ?? 'Un nouveau document est disponible';
      return {
        title: 'Nouveau document',
        body: `${what} dans votre espace client.`,
        url: '/documents',
        tag: 'document',
        cursor,
      };
    }
    case 'attachment':
      return {
        title: 'Votre dossier de sinistre',
        body: 'Une pièce a été ajoutée à votre dossier.',
        url: `/sinistres/${String(data.claimId)}`,
        tag: 'claim',
        cursor,
      };
    default:
      return null;
  }
}
