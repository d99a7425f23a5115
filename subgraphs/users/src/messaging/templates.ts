// Message texts, in French, with the customer's name. Never a password; codes and links only where they are the point.
import { euros, frenchDateTime, NBSP } from '@abri/platform/french';
import type { ConsentPurpose } from '../domain/consents.ts';

export interface RenderedMessage {
  channel: 'EMAIL' | 'SMS';
  template: string;
  subject: string | null;
  text: string;
  /**
   * The consent it needs: the queue drops it unless the customer's current answer is yes. Absent for what the
   * contract or the account's security requires.
   */
  consent?: ConsentPurpose;
}

const signature = '\n\nL’équipe Abri\nCe message est envoyé automatiquement ; merci de ne pas y répondre.';
const email = (template: string, subject: string, text: string): RenderedMessage => ({
  channel: 'EMAIL',
  template,
  subject,
  text: `${text}${signature}`,
});

/** Changes the customer is always told about. */
export type SecurityChange = 'phone' | 'email' | 'twoFactorOn' | 'twoFactorOff' | 'twoFactorSms';
const SECURITY_CHANGE: Record<SecurityChange, { subject: string; what: string; sms: string }> = {
  email: {
    subject: 'Votre adresse e-mail a été modifiée',
    what: 'l’adresse e-mail de votre espace client a été remplacée par une nouvelle adresse, confirmée par le code qui lui a été envoyé. Ce message est le dernier envoyé à cette adresse-ci',
    sms: 'l’adresse e-mail de votre espace client a été remplacée',
  },
  phone: {
    subject: 'Votre numéro de téléphone a été modifié',
    what: 'le numéro de téléphone de votre espace client (celui qui reçoit les codes de réinitialisation) a été modifié',
    sms: 'le numéro de téléphone de votre espace client a été remplacé',
  },
  twoFactorOn: {
    subject: 'Double authentification activée',
    what: 'la double authentification a été activée sur votre espace client avec une nouvelle application',
    sms: 'la double authentification de votre espace client a été activée',
  },
  twoFactorSms: {
    subject: 'Double authentification par SMS activée',
    what: 'la double authentification de votre espace client se fait désormais par un code envoyé par SMS à votre numéro confirmé',
    sms: 'la double authentification de votre espace client se fait désormais par SMS',
  },
  twoFactorOff: {
    subject: 'Double authentification désactivée',
    what: 'la double authentification de votre espace client a été désactivée',
    sms: 'la double authentification de votre espace client a été désactivée',
  },
};

const PAYMENT_METHOD_CHANGE = {
  added: { subject: 'Un moyen de paiement a été ajouté', what: 'un moyen de paiement a été ajouté' },
  removed: { subject: 'Un moyen de paiement a été retiré', what: 'un moyen de paiement a été retiré' },
  defaultChanged: {
    subject: 'Votre moyen de paiement principal a changé',
    what: 'un autre moyen de paiement a été choisi pour vos prélèvements',
  },
} as const;

const CLAIM_NEWS: Record<string, (amount: string) => { subject: string; body: string }> = {
  ACKNOWLEDGED: () => ({
    subject: 'Votre déclaration de sinistre est enregistrée',
    body: 'Nous avons bien reçu votre déclaration et l’étudions. Vous pouvez suivre chaque étape dans votre espace client.',
  }),
  EXPERT_ASSIGNED: () => ({
    subject: 'Un expert est désigné pour votre sinistre',
    body: 'Un expert a été désigné ; il vous contactera pour convenir d’un rendez-vous.',
  }),
  INDEMNITY_COMPUTED: (amount) => ({
    subject: 'Proposition d’indemnisation',
    body: `Au vu du rapport d’expertise, l’indemnité proposée est de ${amount}, franchise déduite.`,
  }),
  PAID: (amount) => ({
    subject: 'Votre indemnité est versée',
    body: `Le virement de ${amount} a été émis vers votre compte.`,
  }),
};

export const templates = {
  /** The claim news worth an e-mail (acknowledgement, expert, offer, payment); null for the others. */
  claimNews: (
    firstName: string,
    reference: string,
    status: string,
    indemnityCents: number | null,
  ): RenderedMessage | null => {
    // An offer or a payment without its amount would tell the customer 0 €: better no e-mail than a wrong one.
    if ((status === 'INDEMNITY_COMPUTED' || status === 'PAID') && indemnityCents == null) return null;
    const news = CLAIM_NEWS[status]?.(euros(indemnityCents ?? 0));
    return news
      ? email(
          `claim${status}`,
          `${news.subject} (${reference})`,
          `Bonjour ${firstName},\n\nSinistre ${reference} : ${news.body}`,
        )
      : null;
  },
  dataExportReady: (firstName: string, link: string, expiresAt: Date) =>
    email(
      'dataExportReady',
      'La copie de vos données est prête',
      `Bonjour ${firstName},\n\nLa copie de vos données personnelles que vous avez demandée est prête. Téléchargez-la depuis votre espace client, rubrique « Mes données » :\n${link}\n\nElle y restera disponible jusqu’au ${frenchDateTime(expiresAt)}, puis sera supprimée. Seul vous pouvez la télécharger, une fois connecté.\n\nSi vous n’êtes pas à l’origine de cette demande, changez votre mot de passe et contactez-nous.`,
    ),
  accountLocked: (firstName: string, until: Date) =>
    email(
      'accountLocked',
      'Votre espace client est verrouillé temporairement',
      `Bonjour ${firstName},\n\nCinq tentatives de connexion à votre espace client ont échoué à la suite. Par sécurité, la connexion est bloquée jusqu’au ${frenchDateTime(until)}.\n\nSi ces tentatives ne viennent pas de vous, changez votre mot de passe dès que possible et contactez-nous.`,
    ),
  activation: (firstName: string, link: string) =>
    email(
      'activation',
      'Activez votre espace client Abri',
      `Bonjour ${firstName},\n\nPour activer votre espace client, ouvrez ce lien (valable 72 heures, une seule fois) :\n${link}\n\nSi vous n’avez pas demandé la création de cet accès, ignorez ce message.`,
    ),
  invitation: (firstName: string, contractNumber: string, portal: string) =>
    email(
      'invitation',
      'Votre espace client Abri vous attend',
      `Bonjour ${firstName},\n\nVotre contrat habitation ${contractNumber} est maintenant consultable dans votre espace client. Pour créer votre accès, ouvrez ${portal}, choisissez «\u00a0Créer mon accès\u00a0», puis saisissez votre numéro de contrat et cette adresse e-mail. Un lien d’activation vous sera envoyé.`,
    ),
  alreadyActive: (firstName: string) =>
    email(
      'alreadyActive',
      'Votre espace client existe déjà',
      `Bonjour ${firstName},\n\nQuelqu’un a demandé à créer un accès à votre espace client, qui est déjà actif. Si c’était vous et que vous avez oublié votre mot de passe, utilisez « Mot de passe oublié ». Sinon, ignorez ce message.`,
    ),
  passwordReset: (firstName: string, link: string) =>
    email(
      'passwordReset',
      'Réinitialisation de votre mot de passe',
      `Bonjour ${firstName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 24 heures, une seule fois) :\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.`,
    ),
  smsCode: (code: string): RenderedMessage => ({
    channel: 'SMS',
    template: 'smsCode',
    subject: null,
    text: `Abri : votre code de réinitialisation est ${code}. Il est valable 10 minutes. Ne le communiquez à personne.`,
  }),
  passwordChanged: (firstName: string, at: Date) =>
    email(
      'passwordChanged',
      'Votre mot de passe a été modifié',
      `Bonjour ${firstName},\n\nLe mot de passe de votre espace client a été modifié le ${frenchDateTime(at)}. Vos autres appareils ont été déconnectés.\n\nSi vous n’êtes pas à l’origine de ce changement, contactez-nous immédiatement.`,
    ),
  unrecognisedSignIn: (
    firstName: string,
    at: Date,
    origin: {
      device: string;
      city: string | null;
      country: string | null;
      ip: string | null;
    },
    link: string,
  ) =>
    email(
      'unrecognisedSignIn',
      'Nouvelle connexion à votre espace client',
      `Bonjour ${firstName},\n\nUne connexion à votre espace client a eu lieu le ${frenchDateTime(at)} depuis ${origin.device}${origin.city || origin.country ? `, ${[origin.city, origin.country].filter(Boolean).join(', ')}` : ''}.\n\nSi c’était vous, vous n’avez rien à faire.\nSinon, ce lien déconnecte cet appareil et bloque votre mot de passe jusqu’à ce que vous en choisissiez un nouveau :\n${link}`,
    ),
  securityChange: (firstName: string, change: SecurityChange, at: Date, link: string) =>
    email(
      `securityChange.${change}`,
      SECURITY_CHANGE[change].subject,
      `Bonjour ${firstName},\n\nLe ${frenchDateTime(at)}, ${SECURITY_CHANGE[change].what}.\n\nSi c’était vous, vous n’avez rien à faire.\nSinon, ce lien déconnecte l’appareil qui l’a fait et bloque votre mot de passe jusqu’à ce que vous en choisissiez un nouveau :\n${link}`,
    ),
  /** The code that confirms a new address, sent to that address. */
  emailChangeCode: (firstName: string, code: string) =>
    email(
      'emailChangeCode',
      'Confirmez votre nouvelle adresse e-mail',
      `Bonjour ${firstName},\n\nPour faire de cette adresse celle de votre espace client Abri, saisissez ce code${NBSP}: ${code}\nIl est valable 15${NBSP}minutes. Ne le communiquez à personne.\n\nSi vous n’avez rien demandé, ignorez ce message${NBSP}: rien ne change.`,
    ),
  /**
   * To the owner of an address another account asked to use: the asker learns nothing (they are answered as for a
   * free address), the owner is told.
   */
  emailAlreadyUsed: (firstName: string) =>
    email(
      'emailAlreadyUsed',
      'Une demande concernant votre adresse e-mail',
      `Bonjour ${firstName},\n\nQuelqu’un a demandé à utiliser cette adresse pour un autre espace client Abri. Elle reste attachée au vôtre et rien n’a changé.\n\nSi c’était vous, utilisez une autre adresse pour cet autre espace. Sinon, vous n’avez rien à faire.`,
    ),
  /** The second step of a sign-in whose second factor is SMS. */
  signInCode: (code: string): RenderedMessage => ({
    channel: 'SMS',
    template: 'signInCode',
    subject: null,
    text: `Abri${NBSP}: votre code de connexion est ${code}. Valable 5${NBSP}minutes. Ne le communiquez à personne, pas même à un conseiller Abri.`,
  }),
  /** The contract numbers of the account at this address, asked for from « Numéro de contrat oublié ? ». */
  contractNumberReminder: (firstName: string, contractNumbers: string[], signInUrl: string) =>
    email(
      'contractNumberReminder',
      'Votre numéro de contrat',
      `Bonjour ${firstName},\n\nVous avez demandé ${contractNumbers.length > 1 ? 'vos numéros' : 'votre numéro'} de contrat pour vous connecter à votre espace client${NBSP}:\n${contractNumbers.map((n) => `- ${n}`).join('\n')}\n\nConnectez-vous avec ${contractNumbers.length > 1 ? 'l’un d’eux' : 'ce numéro'} et votre mot de passe${NBSP}: ${signInUrl}\n\nSi vous n’avez rien demandé, ignorez ce message${NBSP}: personne d’autre que vous ne l’a reçu.`,
    ),
  /** Confirms a sign-in reported from the history as not the customer's. */
  signInReported: (firstName: string, signedInAt: Date, at: Date) =>
    email(
      'signInReported',
      `Connexion signalée${NBSP}: votre mot de passe est bloqué`,
      `Bonjour ${firstName},\n\nLe ${frenchDateTime(at)}, vous avez signalé que la connexion du ${frenchDateTime(signedInAt)} n’était pas de vous. Nous avons déconnecté l’appareil concerné et bloqué votre mot de passe${NBSP}: choisissez-en un nouveau avec « Mot de passe oublié » sur la page de connexion.`,
    ),
  phoneConfirmationCode: (code: string): RenderedMessage => ({
    channel: 'SMS',
    template: 'phoneConfirmationCode',
    subject: null,
    text: `Abri${NBSP}: pour confirmer ce numéro sur votre espace client, saisissez le code ${code}. Valable 15${NBSP}minutes. Ne le communiquez à personne.`,
  }),
  /** A payment method added, removed or made the default (bank details: always told). */
  paymentMethodsChanged: (firstName: string, change: 'added' | 'removed' | 'defaultChanged', at: Date, link: string) =>
    email(
      `paymentMethods.${change}`,
      PAYMENT_METHOD_CHANGE[change].subject,
      `Bonjour ${firstName},\n\nLe ${frenchDateTime(at)}, ${PAYMENT_METHOD_CHANGE[change].what} sur votre espace client.\n\nSi c’était vous, vous n’avez rien à faire.\nSinon, ce lien déconnecte vos appareils et bloque votre mot de passe jusqu’à ce que vous en choisissiez un nouveau${NBSP}:\n${link}`,
    ),
  securityChangeSms: (change: SecurityChange): RenderedMessage => ({
    channel: 'SMS',
    template: `securityChange.${change}`,
    subject: null,
    text: `Abri : ${SECURITY_CHANGE[change].sms}. Si ce n’est pas vous, suivez le lien reçu par e-mail ou contactez-nous.`,
  }),
  signInAlertSms: (at: Date, device: string): RenderedMessage => ({
    channel: 'SMS',
    template: 'signInAlertSms',
    subject: null,
    text: `Abri : nouvelle connexion à votre espace le ${frenchDateTime(at)} depuis ${device}. Si ce n’était pas vous, suivez le lien reçu par e-mail.`,
    consent: 'SIGN_IN_ALERT_SMS',
  }),
  /** An offer of Abri's (MARKETING_EMAIL) or of a partner's (PARTNER_OFFERS): only to customers who said yes. */
  offer: (firstName: string, purpose: 'MARKETING_EMAIL' | 'PARTNER_OFFERS', subject: string, body: string) => ({
    ...email(
      purpose === 'MARKETING_EMAIL' ? 'marketingEmail' : 'partnerOffer',
      subject,
      `Bonjour ${firstName},\n\n${body}\n\nVous recevez ce message parce que vous l’avez accepté. Vous pouvez retirer votre accord à tout moment dans votre espace client, rubrique « Mes données ».`,
    ),
    consent: purpose,
  }),
  /** An erasure request was received: nothing is erased until every part of Abri has said nothing prevents it. */
  erasureRequested: (firstName: string) =>
    email(
      'erasureRequested',
      'Nous avons reçu votre demande d’effacement',
      `Bonjour ${firstName},\n\nNous avons bien reçu votre demande d’effacement de vos données. Nous vérifions qu’aucun contrat en cours, sinistre ouvert ou impayé ne l’empêche, puis nous fermerons votre espace client et effacerons vos données, à l’exception de celles que la loi nous oblige à conserver, jusqu’au terme indiqué dans « Mes données ». Un dernier message vous le confirmera.\n\nSi vous n’êtes pas à l’origine de cette demande, changez votre mot de passe et contactez-nous sans attendre.`,
    ),
  /** The erasure could not be carried out: what prevents it, one line each. */
  erasureRefused: (firstName: string, reasons: string[]) =>
    email(
      'erasureRefused',
      'Votre demande d’effacement n’a pas pu aboutir',
      `Bonjour ${firstName},\n\nNous n’avons rien effacé, pour ${reasons.length > 1 ? 'ces raisons' : 'cette raison'}${NBSP}:\n${reasons.map((r) => `- ${r}`).join('\n')}\n\nVous pourrez renouveler votre demande depuis votre espace client, rubrique « Mes données », une fois ce point réglé.`,
    ),
  /** Sent as the account closes, to the address about to be erased: the last message Abri sends. */
  accountErased: (firstName: string) =>
    email(
      'accountErased',
      'Votre espace client est fermé et vos données effacées',
      `Bonjour ${firstName},\n\nComme vous l’avez demandé, votre espace client est fermé, vos connexions sont terminées et vos données personnelles sont effacées. Nous conservons seulement ce que la loi nous impose, et seulement pour cela${NBSP}: vos contrats 5 ans après leur fin, vos sinistres 5 ans après leur clôture, les pièces comptables 10 ans, l’historique de vos connexions 1 an et la preuve de vos consentements et de cette demande 5 ans. Chacune de ces données sera supprimée à son terme.\n\nCe message est le dernier que nous vous envoyons.`,
    ),
};
