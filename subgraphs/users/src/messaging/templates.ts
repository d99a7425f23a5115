// Message texts, in French, with the customer's name. Never a password; codes and links only where they are the point.
export interface RenderedMessage {
  channel: 'EMAIL' | 'SMS';
  template: string;
  subject: string | null;
  text: string;
}

const time = (d: Date) =>
  d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });
const signature = '\n\nL’équipe Abri\nCe message est envoyé automatiquement ; merci de ne pas y répondre.';

export const templates = {
  accountLocked: (firstName: string, until: Date): RenderedMessage => ({
    channel: 'EMAIL',
    template: 'accountLocked',
    subject: 'Votre espace client est verrouillé temporairement',
    text: `Bonjour ${firstName},\n\nCinq tentatives de connexion à votre espace client ont échoué à la suite. Par sécurité, la connexion est bloquée jusqu’au ${time(until)}.\n\nSi ces tentatives ne viennent pas de vous, changez votre mot de passe dès que possible et contactez-nous.${signature}`,
  }),
};
