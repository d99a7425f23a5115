// Help centre: browsers and display problems, then each supported browser's own guides (browser-guides.ts).
import type { HelpArticle } from '../help-articles.ts';
import { BROWSER_GUIDES } from './browser-guides.ts';

const GENERAL: readonly HelpArticle[] = [
  {
    slug: 'navigateurs-compatibles',
    title: 'Navigateurs pris en charge',
    body: [
      'L’espace client fonctionne avec Chrome et Edge à partir de la version 90, Firefox à partir de la version 88 et Safari à partir de la version 14, sur ordinateur, tablette et téléphone.',
      'Les navigateurs construits sur Chromium, comme Samsung Internet, Opera ou Brave, fonctionnent aussi dans leurs versions récentes.',
      'Internet Explorer n’est pas pris en charge.',
      'Si une page s’affiche mal ou qu’un bouton ne répond pas, commencez par mettre votre navigateur à jour.',
      'JavaScript doit être activé.',
    ],
    related: ['chrome-version', 'firefox-version', 'safari-version', 'edge-version'],
  },
  {
    slug: 'cookies-connexion',
    title: 'Autoriser les cookies nécessaires à la connexion',
    body: [
      'La connexion repose sur un cookie de session, indispensable pour rester connecté d’une page à l’autre.',
      'Si votre navigateur refuse tous les cookies, la connexion échoue ou vous ramène sans cesse à la page d’accueil.',
      'Autorisez les cookies de notre site dans les réglages de confidentialité de votre navigateur.',
      'L’espace client ne dépose aucun cookie publicitaire ni de mesure d’audience : seuls ceux de la connexion sont utilisés.',
    ],
  },
  {
    slug: 'vider-cache',
    title: 'Page incomplète ou ancienne : vider le cache du navigateur',
    body: [
      'Une page à moitié affichée, un bouton sans effet ou une ancienne version du site viennent souvent du cache de votre navigateur.',
      'Videz le cache et les fichiers temporaires depuis les réglages du navigateur (raccourci Ctrl+Maj+Suppr sur la plupart des ordinateurs), puis rechargez la page.',
      'Essayez aussi une fenêtre de navigation privée : si tout y fonctionne, une extension installée est sans doute en cause.',
    ],
  },
  {
    slug: 'navigation-privee',
    title: 'Utiliser l’espace client en navigation privée',
    body: [
      'La navigation privée fonctionne, mais il faut vous reconnecter à chaque nouvelle session car les cookies sont effacés à la fermeture.',
      'Votre appareil n’est pas reconnu d’une fois sur l’autre : vous recevrez peut-être un message de connexion depuis un nouvel appareil.',
      'Le blocage des cookies tiers propre à ce mode ne gêne pas : notre site n’en utilise pas pour la connexion.',
    ],
  },
  {
    slug: 'telecharger-pdf',
    title: 'Je n’arrive pas à ouvrir un document PDF',
    body: [
      'Vos documents sont fournis au format PDF.',
      'Si rien ne se passe au clic, vérifiez que votre navigateur n’a pas bloqué le téléchargement ou la fenêtre qui s’ouvre.',
      'Sur mobile, le fichier se trouve en général dans le dossier Téléchargements ou dans l’application Fichiers.',
      'Le lecteur PDF intégré à votre navigateur suffit pour lire et imprimer le document.',
    ],
  },
  {
    slug: 'deconnexion-automatique',
    title: 'Pourquoi ma session se ferme-t-elle toute seule ?',
    keywords: ['déconnecté', 'déconnexion'],
    body: [
      'Pour protéger vos informations, votre session se ferme après un moment d’inactivité, ainsi qu’au bout d’une durée maximale même si vous êtes actif.',
      'Vous êtes aussi déconnecté de tous vos appareils après un changement de mot de passe.',
      'Il suffit de vous reconnecter ; un formulaire en cours de saisie et non envoyé peut toutefois être perdu.',
    ],
  },
  {
    slug: 'site-inaccessible',
    title: 'Le site ne répond pas ou affiche une erreur',
    body: [
      'Vérifiez d’abord votre connexion internet, puis essayez un autre navigateur ou l’application mobile.',
      'Pendant une opération de maintenance, un message l’annonce sur la page d’accueil.',
      'Si l’erreur persiste, notez le message affiché et l’heure, puis contactez-nous : ces informations nous aident à retrouver le problème.',
      'En cas d’urgence liée à un sinistre, l’assistance téléphonique reste joignable 24 heures sur 24.',
    ],
  },
];

export const BROWSER_ARTICLES: readonly HelpArticle[] = [...GENERAL, ...BROWSER_GUIDES];
