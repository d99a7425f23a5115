// Help centre: notifications and the installed app. The app is the web customer space installed from the browser
// (public/manifest.webmanifest, public/sw.js): there is no store app. Notifications are Web Push, in three
// categories (claims, contract, payments) with quiet hours, per users' NotificationPreferences.
import type { HelpArticle } from '../help-articles.ts';

export const NOTIFICATION_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'application-mobile',
    title: 'Installer l’espace client comme une application',
    body: [
      'L’espace client s’installe depuis votre navigateur, sur téléphone, tablette ou ordinateur : il n’y a rien à télécharger dans une boutique d’applications.',
      'Une fois installé, il s’ouvre depuis une icône Abri, dans sa propre fenêtre, avec les mêmes identifiants que sur le site.',
      'La manière de l’installer dépend du navigateur : Chrome et Edge proposent Installer, Safari sur iPhone Sur l’écran d’accueil.',
      'L’application se met à jour toute seule à chaque nouvelle version du site.',
    ],
    keywords: ['appli', 'application', 'iphone', 'android', 'télécharger l’application'],
    related: ['chrome-installer', 'safari-installer', 'edge-installer', 'android-installer'],
  },
  {
    slug: 'application-hors-ligne',
    title: 'L’application installée fonctionne-t-elle sans connexion ?',
    body: [
      'L’application installée garde sur l’appareil de quoi s’ouvrir, même sans réseau.',
      'Vos informations, elles, ne sont pas gardées sur l’appareil : contrats, sinistres, paiements et documents demandent une connexion.',
      'Téléchargez votre attestation à l’avance si vous pensez en avoir besoin sans réseau.',
    ],
    keywords: ['hors ligne', 'sans internet', 'réseau'],
    related: ['application-mobile', 'attestation-assurance-habitation'],
  },
  {
    slug: 'desinstaller-application',
    title: 'Désinstaller l’application',
    body: [
      'Sur iPhone et iPad, touchez longuement l’icône Abri puis Supprimer l’app.',
      'Sur Android, touchez longuement l’icône puis Désinstaller, ou retirez-la de l’écran d’accueil.',
      'Sur ordinateur, ouvrez l’application, puis son menu, et choisissez de la désinstaller.',
      'Votre compte n’est pas touché : vous retrouvez tout sur le site.',
    ],
    related: ['application-mobile'],
  },
  {
    slug: 'notifications-quelles',
    title: 'Quelles notifications l’espace client envoie-t-il ?',
    body: [
      'Les notifications portent sur trois thèmes : l’avancement de vos sinistres, les changements de votre contrat, et vos paiements (prélèvements, échéancier, impayés).',
      'Elles arrivent sur chaque appareil où vous les avez autorisées, tant que vous y êtes connecté.',
      'Elles ne contiennent jamais de mot de passe, de code ni de coordonnées bancaires.',
    ],
    keywords: ['notifications', 'alertes', 'push'],
    related: ['notifications-choisir', 'notifications-ne-arrivent-pas'],
  },
  {
    slug: 'notifications-choisir',
    title: 'Choisir ses notifications et des heures de silence',
    body: [
      'Vous pouvez couper un thème de notifications, par exemple les paiements, et garder les autres.',
      'Vous pouvez aussi définir des heures de silence, à l’heure de Paris, pendant lesquelles rien n’est envoyé sur vos appareils.',
      'Les messages importants liés à la sécurité de votre compte continuent d’arriver par e-mail.',
    ],
    keywords: ['silence', 'nuit', 'désactiver', 'préférences'],
    related: ['notifications-quelles'],
  },
  {
    slug: 'notifications-ne-arrivent-pas',
    title: 'Je ne reçois pas les notifications',
    body: [
      'Vérifiez d’abord que votre navigateur les autorise pour notre site, puis que le système de l’appareil les laisse passer.',
      'Sur iPhone et iPad, les notifications ne fonctionnent qu’avec l’espace client installé sur l’écran d’accueil, à partir d’iOS 16.4.',
      'Un mode Ne pas déranger ou Concentration les retient ; vos heures de silence aussi.',
      'Après une déconnexion, l’appareil ne reçoit plus rien : reconnectez-vous.',
    ],
    keywords: ['notifications', 'rien ne s’affiche', 'pas de notification'],
    related: ['chrome-notifications', 'safari-notifications', 'ios-notifications', 'android-notifications'],
  },
  {
    slug: 'notifications-deconnexion',
    title: 'Pourquoi un appareil ne reçoit-il plus de notifications ?',
    body: [
      'Un appareil cesse de recevoir des notifications quand vous vous déconnectez, quand vous le déconnectez depuis « Mon compte et sécurité › Appareils connectés », ou après un changement de mot de passe.',
      'C’est voulu : un téléphone perdu ou prêté ne montre plus rien de votre dossier.',
      'Reconnectez-vous sur l’appareil pour les recevoir de nouveau.',
    ],
    related: ['notifications-ne-arrivent-pas', 'iphone-appareil-perdu'],
  },
  {
    slug: 'notifications-ouvrir',
    title: 'Ouvrir une notification',
    body: [
      'Toucher une notification ouvre l’écran qu’elle concerne : le sinistre dans « Mes sinistres », ou « Mes paiements ».',
      'Si votre session a expiré, l’espace client vous demande de vous reconnecter puis vous y conduit.',
      'Une notification ancienne peut mener à une information qui a changé depuis : l’écran montre toujours l’état du moment.',
    ],
    related: ['notifications-quelles', 'deconnexion-automatique'],
  },
];
