// Help centre: browsers, display problems, the mobile app.
import type { HelpArticle } from '../help-articles.ts';

export const BROWSER_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'navigateurs-compatibles',
    title: 'Navigateurs pris en charge',
    body: [
      'L’espace client fonctionne avec les deux dernières versions de Chrome, Firefox, Safari et Edge, sur ordinateur, tablette et mobile.',
      'Internet Explorer n’est plus pris en charge.',
      'Si une page s’affiche mal ou qu’un bouton ne répond pas, commencez par mettre votre navigateur à jour.',
      'JavaScript doit être activé.',
    ],
  },
  {
    slug: 'cookies-connexion',
    title: 'Autoriser les cookies nécessaires à la connexion',
    body: [
      'La connexion repose sur un cookie de session, indispensable pour rester connecté d’une page à l’autre.',
      'Si votre navigateur refuse tous les cookies, la connexion échoue ou vous ramène sans cesse à la page d’accueil.',
      'Autorisez les cookies de notre site dans les réglages de confidentialité de votre navigateur.',
      'Les cookies de mesure d’audience restent facultatifs et se règlent depuis le lien « Gérer mes cookies » en bas de page.',
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
    slug: 'application-mobile',
    title: 'L’application mobile Abri',
    body: [
      'L’application Abri est gratuite sur l’App Store pour iPhone et iPad, et sur Google Play pour Android.',
      'Vous vous y connectez avec les mêmes identifiants que sur le site.',
      'Elle permet de consulter vos contrats, de télécharger votre attestation, de déclarer un sinistre avec des photos et de suivre son avancement.',
      'Vous pouvez ensuite la déverrouiller par empreinte digitale ou reconnaissance faciale.',
      'Installez ses mises à jour, qui apportent aussi des correctifs de sécurité.',
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
