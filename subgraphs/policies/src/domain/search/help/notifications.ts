// Help centre: notifications and the installed app. The app is the web customer space installed from the browser
// (public/manifest.webmanifest, public/sw.js): there is no store app. Notifications are Web Push, registered per
// device in « Mon compte et sécurité › Notifications » (clients/web/src/account/Notifications.tsx), in three
// categories (claims, contract, payments) with quiet hours, per users' NotificationPreferences. Offline, the app
// shows the last dashboard and the last attestation downloaded on this browser (clients/web/src/offline/).
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
      'Oui, en partie : sans réseau, l’espace client affiche le dernier tableau de bord reçu sur cet appareil, sous un bandeau « Hors connexion » qui donne la date de ces données.',
      'La dernière attestation que vous y avez téléchargée reste lisible, dans « Mon attestation d’assurance », avec « Ouvrir l’attestation (PDF) ».',
      'Le reste, sinistres, paiements, documents et modifications du contrat, demande une connexion : touchez « Réessayer la connexion » quand le réseau revient.',
      'Rien n’est gardé pour un autre client que le dernier connecté, et tout est effacé de l’appareil quand vous vous déconnectez.',
    ],
    keywords: ['hors ligne', 'sans internet', 'réseau', 'hors connexion'],
    related: ['hors-connexion-attestation', 'application-mobile', 'attestation-assurance-habitation'],
  },
  {
    slug: 'hors-connexion-attestation',
    title: 'Avoir mon attestation sur mon téléphone, même sans réseau',
    body: [
      'Connecté, ouvrez « Documents » et téléchargez votre attestation d’assurance : l’appareil garde la dernière attestation téléchargée, pour vous seul.',
      'Sans réseau, l’espace client s’ouvre sur vos dernières données et propose « Ouvrir l’attestation (PDF) » sous « Mon attestation d’assurance ».',
      'Si aucune attestation n’a été téléchargée sur cet appareil, l’écran le dit : téléchargez-la la prochaine fois que vous êtes connecté.',
      'Une déconnexion efface l’attestation gardée : sur un appareil partagé, rien ne reste après votre départ.',
    ],
    keywords: ['hors ligne', 'sans réseau', 'attestation', 'avion', 'hors connexion'],
    related: ['application-hors-ligne', 'attestation-assurance-habitation', 'attestation-nouvelle'],
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
      'Elles arrivent, même espace client fermé, sur chaque appareil inscrit dans « Mon compte et sécurité › Notifications », tant que vous y êtes connecté.',
      'Elles ne contiennent jamais de mot de passe, de code ni de coordonnées bancaires.',
    ],
    keywords: ['notifications', 'alertes', 'push'],
    related: ['notifications-choisir', 'notifications-ne-arrivent-pas'],
  },
  {
    slug: 'notifications-choisir',
    title: 'Choisir ses notifications et des heures de silence',
    body: [
      'Dans « Mon compte et sécurité › Notifications › Ce que vous recevez », décochez un thème, par exemple vos prélèvements et échéances, et gardez les autres, puis touchez « Enregistrer mes préférences ».',
      'Sous « Heures calmes », choisissez une plage horaire, à l’heure de Paris : les notifications qui tombent pendant cette plage vous parviennent à sa fin.',
      'Les alertes de sécurité, comme une nouvelle connexion ou un mot de passe modifié, sont toujours envoyées, même pendant les heures calmes.',
    ],
    keywords: ['silence', 'nuit', 'désactiver', 'préférences', 'heures calmes'],
    related: ['notifications-quelles'],
  },
  {
    slug: 'notifications-ne-arrivent-pas',
    title: 'Je ne reçois pas les notifications',
    body: [
      'Vérifiez d’abord que l’appareil figure dans « Mon compte et sécurité › Notifications › Appareils qui reçoivent les notifications » ; sinon, touchez « Recevoir les notifications sur cet appareil ».',
      'Si l’espace client indique qu’elles sont bloquées, autorisez-les pour notre site dans les réglages du navigateur, puis vérifiez que le système de l’appareil les laisse passer.',
      'Sur iPhone et iPad, les notifications ne fonctionnent qu’avec l’espace client installé sur l’écran d’accueil, à partir d’iOS 16.4.',
      'Un mode Ne pas déranger ou Concentration les retient ; vos « Heures calmes » les reportent à leur fin.',
      'Après une déconnexion, l’appareil ne reçoit plus rien : reconnectez-vous.',
    ],
    keywords: ['notifications', 'rien ne s’affiche', 'pas de notification'],
    related: ['chrome-notifications', 'safari-notifications', 'ios-notifications', 'android-notifications'],
  },
  {
    slug: 'notifications-deconnexion',
    title: 'Pourquoi un appareil ne reçoit-il plus de notifications ?',
    body: [
      'Un appareil cesse de recevoir des notifications quand vous vous déconnectez, quand vous le déconnectez depuis « Mon compte et sécurité › Appareils connectés », quand vous touchez « Ne plus notifier » en face de lui dans « Mon compte et sécurité › Notifications », ou après un changement de mot de passe.',
      'C’est voulu : un téléphone perdu ou prêté ne montre plus rien de votre dossier.',
      'Reconnectez-vous sur l’appareil, puis touchez « Recevoir les notifications sur cet appareil » pour les recevoir de nouveau.',
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
  {
    slug: 'notifications-activer',
    title: 'Recevoir les notifications sur mon téléphone ou mon ordinateur',
    body: [
      'Ouvrez « Mon compte et sécurité › Notifications » sur l’appareil concerné et touchez « Recevoir les notifications sur cet appareil », puis acceptez la demande d’autorisation du navigateur.',
      'L’appareil apparaît alors dans « Appareils qui reçoivent les notifications », avec sa date d’inscription et celle de la dernière notification.',
      'Faites de même sur chaque appareil : un téléphone et un ordinateur s’inscrivent chacun de leur côté.',
      'Sur iPhone et iPad, installez d’abord l’espace client sur l’écran d’accueil : Safari ne propose les notifications qu’à l’application installée.',
    ],
    keywords: ['activer les notifications', 'autoriser', 'push', 'inscrire cet appareil'],
    related: ['notifications-choisir', 'notifications-ne-arrivent-pas', 'application-mobile'],
  },
];
