// Help centre: the systems the customer space runs on. For each: installing the app, letting it notify, finding a
// downloaded document, keeping the clock right (authenticator codes and secure connections depend on it), and the
// versions that work.
import type { HelpArticle } from '../help-articles.ts';

type Topic = 'installer' | 'notifications' | 'telechargements' | 'heure' | 'versions';

interface System {
  slug: string;
  name: string;
  steps: Record<Topic, readonly string[]>;
}

const TITLES: Record<Topic, (name: string) => string> = {
  installer: (n) => `${n} : installer l’espace client`,
  notifications: (n) => `${n} : laisser passer les notifications`,
  telechargements: (n) => `${n} : retrouver un document téléchargé`,
  heure: (n) => `${n} : régler la date et l’heure automatiquement`,
  versions: (n) => `${n} : versions et navigateurs qui fonctionnent`,
};

const INTRO: Record<Topic, string> = {
  installer:
    'Installé, l’espace client s’ouvre comme une application, dans sa propre fenêtre, avec le même compte que sur le site.',
  notifications:
    'Même autorisées par le navigateur, les notifications de l’espace client ne s’affichent que si le système les laisse passer.',
  telechargements:
    'Attestations, certificats, avenants et attestations de paiement sont des fichiers PDF enregistrés sur votre appareil.',
  heure:
    'Une horloge décalée de quelques minutes fait refuser les codes de votre application d’authentification et peut bloquer les connexions sécurisées.',
  versions: 'L’espace client demande Chrome ou Edge 90, Firefox 88 ou Safari 14 au minimum.',
};

const KEYWORDS: Record<Topic, readonly string[]> = {
  installer: ['installer', 'application', 'raccourci'],
  notifications: ['notifications', 'ne pas déranger', 'alertes'],
  telechargements: ['téléchargements', 'pdf', 'fichier', 'dossier'],
  heure: ['heure', 'horloge'],
  versions: ['version', 'mise à jour', 'compatible'],
};

const SYSTEMS: readonly System[] = [
  {
    slug: 'windows',
    name: 'Windows',
    steps: {
      installer: [
        'Avec Edge, ouvrez le menu …, puis Applications et Installer ce site en tant qu’application ; avec Chrome, utilisez l’icône d’installation de la barre d’adresse.',
        'L’application rejoint le menu Démarrer ; un clic droit sur son icône l’épingle à la barre des tâches.',
      ],
      notifications: [
        'Ouvrez Paramètres, Système, Notifications, et vérifiez que votre navigateur ou l’application installée y est autorisé.',
        'Le mode Ne pas déranger et l’Assistant de concentration retiennent les notifications jusqu’à leur fin.',
      ],
      telechargements: [
        'Les fichiers arrivent dans le dossier Téléchargements de l’Explorateur de fichiers.',
        'Ctrl+J dans le navigateur affiche la liste des téléchargements et ouvre le dossier.',
      ],
      heure: [
        'Ouvrez Paramètres, Heure et langue, Date et heure, puis activez Définir l’heure automatiquement et le fuseau horaire automatiquement.',
        'Cliquez sur Synchroniser maintenant si l’heure reste fausse.',
      ],
      versions: [
        'Windows 10 et Windows 11 conviennent, avec Edge, Chrome ou Firefox à jour.',
        'Internet Explorer ne fonctionne pas avec l’espace client.',
      ],
    },
  },
  {
    slug: 'macos',
    name: 'macOS',
    steps: {
      installer: [
        'Avec Safari sur macOS Sonoma ou plus récent, choisissez Fichier, puis Ajouter au Dock.',
        'Avec Chrome ou Edge, utilisez l’icône d’installation de la barre d’adresse : l’application rejoint le dossier Applications.',
      ],
      notifications: [
        'Ouvrez Réglages Système, Notifications, et autorisez Safari, votre navigateur ou l’application installée.',
        'Un mode de concentration actif retient les notifications ; il se règle dans Réglages Système, Concentration.',
      ],
      telechargements: [
        'Les fichiers arrivent dans le dossier Téléchargements, dans la barre latérale du Finder et dans le Dock.',
        'Un PDF s’ouvre avec Aperçu, qui sait aussi l’imprimer.',
      ],
      heure: [
        'Ouvrez Réglages Système, Général, Date et heure, puis activez le réglage automatique de la date et de l’heure.',
        'Activez aussi le fuseau horaire automatique selon la localisation si vous voyagez.',
      ],
      versions: [
        'Safari 14 et suivants fonctionnent, de même que Chrome, Edge et Firefox à jour.',
        'Un Mac qui ne reçoit plus de mise à jour de Safari peut encore utiliser une version récente de Chrome ou de Firefox si elle s’y installe.',
      ],
    },
  },
  {
    slug: 'linux',
    name: 'Linux',
    steps: {
      installer: [
        'Avec Chrome, Chromium ou Edge, utilisez l’icône d’installation de la barre d’adresse : un lanceur est ajouté au menu des applications.',
        'Firefox n’installe pas les sites ; un marque-page suffit pour utiliser l’espace client.',
      ],
      notifications: [
        'Les notifications passent par le bureau (GNOME, KDE Plasma ou autre) : vérifiez dans ses paramètres que le navigateur peut en afficher.',
        'Le mode Ne pas déranger du bureau les retient.',
      ],
      telechargements: [
        'Les fichiers arrivent en général dans le dossier Téléchargements de votre dossier personnel.',
        'Le gestionnaire de fichiers ou la liste des téléchargements du navigateur les retrouve.',
      ],
      heure: [
        'Activez la date et l’heure automatiques dans les paramètres du bureau ; elles s’appuient sur la synchronisation réseau du système.',
        'En ligne de commande, timedatectl indique si l’horloge est synchronisée.',
      ],
      versions: [
        'Les distributions courantes conviennent avec Firefox, Chrome, Chromium ou Edge à jour.',
        'Les versions de Firefox fournies par les distributions à support long sont assez récentes.',
      ],
    },
  },
  {
    slug: 'chromeos',
    name: 'ChromeOS',
    steps: {
      installer: [
        'Dans Chrome, cliquez sur l’icône d’installation de la barre d’adresse, ou ouvrez le menu ⋮ et Installer la page en tant qu’application.',
        'L’application rejoint le lanceur et peut être épinglée à l’étagère.',
      ],
      notifications: [
        'Ouvrez Paramètres, Applications, Notifications, et autorisez Chrome ou l’application installée.',
        'Le mode Ne pas déranger, dans les réglages rapides, retient les notifications.',
      ],
      telechargements: [
        'Les fichiers arrivent dans l’application Fichiers, rubrique Téléchargements.',
        'Chrome ouvre les PDF directement ; Fichiers permet de les copier sur Google Drive ou une clé USB.',
      ],
      heure: [
        'L’heure se règle automatiquement par le réseau : vérifiez le fuseau horaire dans Paramètres, Avancés, Date et heure.',
        'Un Chromebook resté longtemps éteint reprend l’heure dès qu’il est connecté.',
      ],
      versions: [
        'Un Chromebook qui reçoit encore les mises à jour de ChromeOS a un Chrome assez récent.',
        'Un appareil arrivé en fin de mises à jour peut garder une version trop ancienne : vérifiez-la dans À propos de ChromeOS.',
      ],
    },
  },
  {
    slug: 'ios',
    name: 'iPhone (iOS)',
    steps: {
      installer: [
        'Ouvrez l’espace client dans Safari, touchez le bouton Partager puis Sur l’écran d’accueil.',
        'Depuis iOS 16.4, Chrome, Edge et Firefox proposent aussi l’ajout à l’écran d’accueil dans leur menu de partage.',
      ],
      notifications: [
        'Sur iPhone, seules les applications web installées sur l’écran d’accueil reçoivent des notifications, à partir d’iOS 16.4.',
        'Après installation, ouvrez Réglages, Notifications, puis l’espace client, et activez Autoriser les notifications.',
      ],
      telechargements: [
        'Un PDF ouvert dans Safari s’enregistre avec Partager, puis Enregistrer dans Fichiers.',
        'Les téléchargements se retrouvent dans l’application Fichiers, dossier Téléchargements, sur l’iPhone ou dans iCloud Drive.',
      ],
      heure: [
        'Ouvrez Réglages, Général, Date et heure, et activez Réglage automatique.',
        'Votre application d’authentification retrouve des codes valables dès que l’heure est juste.',
      ],
      versions: [
        'L’espace client demande iOS 14 ou plus récent, dont la version de Safari suit celle d’iOS.',
        'Réglages, Général, Mise à jour logicielle installe la dernière version disponible pour votre iPhone.',
      ],
    },
  },
  {
    slug: 'ipados',
    name: 'iPad (iPadOS)',
    steps: {
      installer: [
        'Dans Safari, touchez le bouton Partager en haut de l’écran, puis Sur l’écran d’accueil.',
        'L’espace client s’ouvre alors en plein écran, et fonctionne aussi en Split View à côté d’une autre application.',
      ],
      notifications: [
        'Comme sur iPhone, les notifications demandent l’application installée sur l’écran d’accueil et iPadOS 16.4 ou plus récent.',
        'Réglez-les ensuite dans Réglages, Notifications.',
      ],
      telechargements: [
        'Les fichiers téléchargés vont dans l’application Fichiers, dossier Téléchargements.',
        'Un clavier externe permet d’utiliser Cmd+P pour imprimer un PDF ouvert.',
      ],
      heure: [
        'Ouvrez Réglages, Général, Date et heure, et activez Réglage automatique.',
        'Un iPad sans carte SIM prend l’heure du Wi-Fi : connectez-le si elle est fausse.',
      ],
      versions: [
        'L’espace client demande iPadOS 14 ou plus récent.',
        'Depuis iPadOS 13, Safari se présente comme un navigateur d’ordinateur : la mise en page s’adapte à la taille de l’écran.',
      ],
    },
  },
  {
    slug: 'android',
    name: 'Android',
    steps: {
      installer: [
        'Dans Chrome, ouvrez le menu ⋮ et choisissez Installer l’application ou Ajouter à l’écran d’accueil.',
        'Samsung Internet, Edge et Firefox proposent la même chose dans leur menu.',
      ],
      notifications: [
        'Ouvrez Paramètres, Notifications (ou Applications, puis l’application), et autorisez Chrome ou l’application installée.',
        'Depuis Android 13, le système demande aussi votre accord la première fois qu’un site veut vous notifier.',
      ],
      telechargements: [
        'Les fichiers arrivent dans le dossier Download (Téléchargements), visible dans l’application Fichiers ou Mes fichiers.',
        'Chrome retrouve aussi le fichier par le menu ⋮, puis Téléchargements.',
      ],
      heure: [
        'Ouvrez Paramètres, Système, Date et heure, et activez la date et l’heure automatiques ainsi que le fuseau horaire automatique.',
        'Le chemin peut varier selon le fabricant : cherchez le mot heure dans les paramètres.',
      ],
      versions: [
        'Un téléphone Android avec Chrome à jour, version 90 ou plus récente, convient.',
        'Si le Play Store ne propose plus de mise à jour de Chrome, essayez Firefox, qui reste disponible plus longtemps sur les appareils anciens.',
      ],
    },
  },
];

export const SYSTEM_ARTICLES: readonly HelpArticle[] = SYSTEMS.flatMap((s) =>
  (Object.keys(TITLES) as Topic[]).map((topic) => ({
    slug: `${s.slug}-${topic}`,
    title: TITLES[topic](s.name),
    body: [INTRO[topic], ...s.steps[topic]],
    family: `systeme-${topic}`,
    keywords: [s.slug, ...KEYWORDS[topic]],
  })),
);
