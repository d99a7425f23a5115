// Help centre: the same questions for each browser the customer space supports (vite.config.ts targets: Chrome and
// Edge 90, Firefox 88, Safari 14), with each browser's own menus. One table per browser, one article per topic.
import type { HelpArticle } from '../help-articles.ts';

type Topic = 'version' | 'cache' | 'cookies' | 'notifications' | 'installer' | 'pdf' | 'prive';

interface Browser {
  slug: string;
  name: string;
  minimum: string;
  steps: Record<Topic, readonly string[]>;
}

const TITLES: Record<Topic, (name: string) => string> = {
  version: (n) => `${n} : vérifier la version et le mettre à jour`,
  cache: (n) => `${n} : vider le cache quand une page s’affiche mal`,
  cookies: (n) => `${n} : autoriser les cookies de connexion`,
  notifications: (n) => `${n} : autoriser les notifications de l’espace client`,
  installer: (n) => `${n} : installer l’espace client comme une application`,
  pdf: (n) => `${n} : ouvrir et enregistrer un document PDF`,
  prive: (n) => `${n} : utiliser l’espace client en navigation privée`,
};

const KEYWORDS: Record<Topic, readonly string[]> = {
  version: ['mise à jour', 'version', 'ancien navigateur'],
  cache: ['cache', 'page blanche', 'affichage', 'vider'],
  cookies: ['cookies', 'connexion impossible'],
  notifications: ['notifications', 'alertes', 'autoriser'],
  installer: ['installer', 'application', 'raccourci', 'écran d’accueil'],
  pdf: ['pdf', 'télécharger', 'document'],
  prive: ['navigation privée', 'incognito'],
};

const BROWSERS: readonly Browser[] = [
  {
    slug: 'chrome',
    name: 'Google Chrome',
    minimum: '90',
    steps: {
      version: [
        'Ouvrez le menu ⋮ en haut à droite, puis Aide et À propos de Google Chrome : la version s’affiche et Chrome recherche aussitôt une mise à jour.',
        'Cliquez sur Relancer si une mise à jour a été téléchargée.',
        'Sur Android, mettez Chrome à jour depuis le Google Play Store.',
      ],
      cache: [
        'Appuyez sur Ctrl+Maj+Suppr (Cmd+Maj+Suppr sur Mac) pour ouvrir Effacer les données de navigation.',
        'Cochez seulement Images et fichiers en cache, choisissez la période Toutes les données, puis validez.',
        'Laissez les cookies décochés : sinon vous serez déconnecté de vos sites.',
      ],
      cookies: [
        'Ouvrez Paramètres, puis Confidentialité et sécurité.',
        'Si Chrome bloque les données de tous les sites, ajoutez l’adresse de l’espace client aux sites autorisés à enregistrer des données.',
        'Les cookies tiers peuvent rester bloqués : la connexion n’en a pas besoin.',
      ],
      notifications: [
        'Cliquez sur l’icône des informations du site, à gauche de l’adresse, puis réglez Notifications sur Autoriser.',
        'Si vous les aviez bloquées, faites-le depuis Paramètres, Confidentialité et sécurité, Paramètres des sites, Notifications.',
        'Sur ordinateur, le système doit aussi laisser Chrome afficher des notifications.',
      ],
      installer: [
        'Sur ordinateur, cliquez sur l’icône d’installation à droite de la barre d’adresse, ou passez par le menu ⋮ puis Caster, enregistrer et partager, et Installer la page en tant qu’application.',
        'Sur Android, ouvrez le menu ⋮ et choisissez Installer l’application ou Ajouter à l’écran d’accueil.',
        'L’application installée s’ouvre dans sa propre fenêtre, avec le même compte que le site.',
      ],
      pdf: [
        'Chrome ouvre les PDF dans sa propre visionneuse ; l’icône de téléchargement en haut à droite les enregistre.',
        'Pour qu’ils soient enregistrés plutôt qu’affichés, ouvrez Paramètres, Confidentialité et sécurité, Paramètres des sites, Documents PDF.',
        'Vos fichiers se retrouvent dans le dossier Téléchargements, aussi accessible par le menu ⋮ puis Téléchargements.',
      ],
      prive: [
        'Une fenêtre de navigation privée s’ouvre avec Ctrl+Maj+N (Cmd+Maj+N sur Mac).',
        'Vous devez vous y reconnecter à chaque fois : tout est effacé quand vous fermez la dernière fenêtre privée.',
        'L’installation de l’application et les notifications ne sont pas disponibles dans ce mode.',
      ],
    },
  },
  {
    slug: 'firefox',
    name: 'Mozilla Firefox',
    minimum: '88',
    steps: {
      version: [
        'Ouvrez le menu ☰, puis Aide et À propos de Firefox : la fenêtre indique la version et installe la mise à jour disponible.',
        'Cliquez sur Redémarrer pour mettre à jour Firefox une fois le téléchargement terminé.',
        'Les versions ESR proposées en entreprise conviennent aussi, tant qu’elles sont récentes.',
      ],
      cache: [
        'Appuyez sur Ctrl+Maj+Suppr (Cmd+Maj+Suppr sur Mac) pour ouvrir Effacer l’historique récent.',
        'Cochez seulement Cache, choisissez Tout comme intervalle, puis validez.',
        'Gardez les cookies décochés pour rester connecté à vos sites.',
      ],
      cookies: [
        'Ouvrez Paramètres, puis Vie privée et sécurité.',
        'La protection standard ou stricte contre le pistage ne gêne pas la connexion.',
        'Si vous bloquez tous les cookies en mode personnalisé, ajoutez l’adresse de l’espace client avec Gérer les exceptions.',
      ],
      notifications: [
        'Cliquez sur l’icône à gauche de l’adresse pour voir les permissions du site, et retirez le blocage des notifications s’il y en a un.',
        'La liste complète se trouve dans Paramètres, Vie privée et sécurité, Permissions, Notifications.',
        'Firefox ne montre une notification que si le système l’y autorise.',
      ],
      installer: [
        'Firefox pour ordinateur n’installe pas les sites comme des applications : ajoutez un marque-page, ou installez l’espace client avec Chrome, Edge ou Safari.',
        'Sur Android, ouvrez le menu ⋮ de Firefox et choisissez Ajouter à l’écran d’accueil ou Installer.',
        'Le site reste entièrement utilisable dans Firefox sans installation.',
      ],
      pdf: [
        'Firefox affiche les PDF dans sa visionneuse intégrée, avec un bouton pour les enregistrer.',
        'Pour choisir entre ouverture et enregistrement, ouvrez Paramètres, Général, Applications, puis la ligne Portable Document Format (PDF).',
        'Le panneau des téléchargements, flèche en haut à droite, retrouve le fichier.',
      ],
      prive: [
        'Une fenêtre de navigation privée s’ouvre avec Ctrl+Maj+P (Cmd+Maj+P sur Mac).',
        'La session s’arrête à la fermeture de la dernière fenêtre privée : vous devrez vous reconnecter.',
        'Les notifications ne sont pas proposées dans ce mode.',
      ],
    },
  },
  {
    slug: 'safari',
    name: 'Safari',
    minimum: '14',
    steps: {
      version: [
        'Sur Mac, ouvrez le menu Safari, puis À propos de Safari ; Safari se met à jour avec macOS, depuis Réglages Système, Général, Mise à jour de logiciels.',
        'Sur iPhone et iPad, la version de Safari est celle d’iOS ou d’iPadOS : il faut au moins iOS 14.',
        'Un appareil trop ancien pour recevoir iOS 14 ne peut pas utiliser l’espace client avec Safari.',
      ],
      cache: [
        'Sur Mac, affichez le menu Développement (Réglages, Avancées, fonctionnalités pour les développeurs web), puis choisissez Vider les caches.',
        'Sur iPhone et iPad, ouvrez Réglages, Safari, puis Effacer historique et données de sites : vous serez déconnecté de vos sites.',
        'Rechargez ensuite la page de l’espace client.',
      ],
      cookies: [
        'Sur Mac, ouvrez Safari, Réglages, Confidentialité et décochez Bloquer tous les cookies.',
        'Sur iPhone et iPad, ouvrez Réglages, Safari et désactivez Bloquer tous les cookies.',
        'La protection contre le suivi intersite peut rester active : la connexion n’utilise pas de cookie tiers.',
      ],
      notifications: [
        'Sur Mac, les notifications des sites demandent macOS Ventura ou plus récent : ouvrez Safari, Réglages, Sites web, Notifications et autorisez l’espace client.',
        'Sur iPhone et iPad, seule l’application installée sur l’écran d’accueil peut recevoir des notifications, à partir d’iOS et iPadOS 16.4.',
        'Les notifications autorisées apparaissent ensuite dans Réglages, Notifications.',
      ],
      installer: [
        'Sur iPhone et iPad, touchez le bouton Partager puis Sur l’écran d’accueil.',
        'Sur Mac avec macOS Sonoma ou plus récent, choisissez Fichier, puis Ajouter au Dock.',
        'L’application installée s’ouvre en plein écran, sans barre d’adresse, et vous demande de vous connecter une première fois.',
      ],
      pdf: [
        'Safari affiche le PDF dans l’onglet ; enregistrez-le avec Fichier, Enregistrer sous, ou avec le bouton Partager.',
        'Sur iPhone et iPad, choisissez Partager puis Enregistrer dans Fichiers pour le garder.',
        'Les téléchargements se retrouvent avec le bouton en forme de flèche de la barre d’outils.',
      ],
      prive: [
        'Sur Mac, Fichier puis Nouvelle fenêtre privée (Cmd+Maj+N) ; sur iPhone, touchez le bouton des onglets puis Privée.',
        'Vous devez vous reconnecter dans chaque nouvelle session privée.',
        'L’ajout à l’écran d’accueil depuis un onglet privé ouvre ensuite une application non privée.',
      ],
    },
  },
  {
    slug: 'edge',
    name: 'Microsoft Edge',
    minimum: '90',
    steps: {
      version: [
        'Ouvrez le menu … en haut à droite, puis Aide et commentaires et À propos de Microsoft Edge : Edge affiche sa version et se met à jour.',
        'Cliquez sur Redémarrer pour terminer la mise à jour.',
        'Sur Windows, Edge se met aussi à jour avec Windows Update.',
      ],
      cache: [
        'Appuyez sur Ctrl+Maj+Suppr pour ouvrir Effacer les données de navigation.',
        'Cochez Images et fichiers mis en cache, choisissez Toutes les périodes, puis Effacer maintenant.',
        'Décochez les cookies si vous voulez rester connecté à vos autres sites.',
      ],
      cookies: [
        'Ouvrez Paramètres, puis Cookies et autorisations de site, et Gérer et supprimer les cookies et les données du site.',
        'Laissez activée l’autorisation des sites à enregistrer et lire les données de cookie, ou ajoutez l’espace client aux sites autorisés.',
        'La prévention du suivi, même stricte, ne bloque pas la connexion.',
      ],
      notifications: [
        'Cliquez sur l’icône à gauche de l’adresse, puis Autorisations pour ce site, et réglez Notifications sur Autoriser.',
        'Les sites bloqués se gèrent dans Paramètres, Cookies et autorisations de site, Notifications.',
        'Windows doit aussi autoriser Edge à afficher des notifications.',
      ],
      installer: [
        'Ouvrez le menu …, puis Applications et Installer ce site en tant qu’application.',
        'L’application apparaît dans le menu Démarrer et peut être épinglée à la barre des tâches.',
        'Elle se désinstalle comme une autre application, depuis Edge ou les paramètres de Windows.',
      ],
      pdf: [
        'Edge ouvre les PDF dans son lecteur intégré, avec un bouton Enregistrer en haut à droite.',
        'Pour les télécharger directement, ouvrez Paramètres, Cookies et autorisations de site, Documents PDF.',
        'Le menu … puis Téléchargements retrouve le fichier (Ctrl+J).',
      ],
      prive: [
        'Une fenêtre InPrivate s’ouvre avec Ctrl+Maj+N.',
        'Vous devez vous y reconnecter à chaque fois : la session disparaît à la fermeture de la fenêtre.',
        'Les notifications et l’installation ne sont pas disponibles en InPrivate.',
      ],
    },
  },
];

const INTRO: Record<Topic, (b: Browser) => string> = {
  version: (b) => `L’espace client fonctionne avec ${b.name} à partir de la version ${b.minimum}.`,
  cache: (b) => `Une page incomplète ou une ancienne version de l’espace client vient souvent du cache de ${b.name}.`,
  cookies: (b) => `La connexion a besoin d’un cookie de session, que ${b.name} doit accepter pour notre site.`,
  notifications: (b) =>
    `${b.name} affiche les notifications de l’espace client (avancement d’un sinistre, prélèvement, contrat) si vous les autorisez pour notre site.`,
  installer: (b) => `L’espace client peut s’installer depuis ${b.name} et s’ouvrir ensuite comme une application.`,
  pdf: (b) => `Vos documents sont des PDF, que ${b.name} sait ouvrir sans logiciel supplémentaire.`,
  prive: (b) => `La navigation privée de ${b.name} fonctionne avec l’espace client, avec quelques limites.`,
};

export const BROWSER_GUIDES: readonly HelpArticle[] = BROWSERS.flatMap((b) =>
  (Object.keys(TITLES) as Topic[]).map((topic) => ({
    slug: `${b.slug}-${topic}`,
    title: TITLES[topic](b.name),
    body: [INTRO[topic](b), ...b.steps[topic]],
    family: `navigateur-${topic}`,
    keywords: [b.slug, ...KEYWORDS[topic]],
  })),
);
