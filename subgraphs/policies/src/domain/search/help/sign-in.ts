// Help centre: signing in, passwords, two-factor authentication. Figures match the users subgraph's rules.
import type { HelpArticle } from '../help-articles.ts';

export const SIGN_IN_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'numero-de-contrat-introuvable',
    title: 'Où trouver mon numéro de contrat ?',
    body: [
      'Votre numéro de contrat figure en haut de vos conditions particulières, sur votre attestation d’assurance et dans l’e-mail de bienvenue reçu à la souscription.',
      'Il compte de 8 à 10 caractères, lettres et chiffres, sans espace ni tiret.',
      'Saisissez-le sans espace : un zéro et la lettre O ne sont pas interchangeables.',
      'Si vous ne le retrouvez pas, contactez votre conseiller avec vos nom, prénom et adresse : il vous le communiquera après avoir vérifié votre identité.',
    ],
  },
  {
    slug: 'premiere-connexion-activer-compte',
    title: 'Activer mon espace client lors de la première connexion',
    body: [
      'Après la souscription, vous recevez un e-mail contenant un lien d’activation de votre espace client.',
      'Ce lien est valable 72 heures et ne sert qu’une fois.',
      'Il vous permet de confirmer votre adresse e-mail et de choisir votre mot de passe.',
      'Si le lien a expiré, demandez-en un nouveau depuis la page de connexion, rubrique « Activer mon compte », avec votre numéro de contrat et votre adresse e-mail.',
      'Pensez à regarder dans vos courriers indésirables si le message n’arrive pas.',
    ],
  },
  {
    slug: 'mot-de-passe-oublie',
    title: 'Réinitialiser un mot de passe oublié',
    body: [
      'Sur la page de connexion, choisissez « Mot de passe oublié » puis indiquez votre adresse e-mail ou votre numéro de contrat.',
      'Vous recevez soit un lien de réinitialisation par e-mail, valable 24 heures, soit un code par SMS, valable 10 minutes.',
      'Le lien comme le code ne servent qu’une fois.',
      'Dès que le nouveau mot de passe est enregistré, les sessions ouvertes sur vos autres appareils sont fermées.',
      'Si rien n’arrive, vérifiez vos courriers indésirables et que l’adresse saisie est bien celle de votre espace client.',
    ],
  },
  {
    slug: 'regles-mot-de-passe',
    title: 'Les règles à respecter pour choisir un mot de passe',
    body: [
      'Votre mot de passe doit compter au moins 8 caractères et mêler une majuscule, une minuscule, un chiffre et un caractère spécial.',
      'Nous refusons aussi les mots de passe trop répandus, comme « azerty123 », et ceux qui reprennent votre nom ou votre adresse e-mail.',
      'Une phrase de passe de plusieurs mots est à la fois plus facile à retenir et plus solide.',
      'N’utilisez pas le même mot de passe que pour votre messagerie ou un autre site.',
      'Un gestionnaire de mots de passe peut en générer un pour vous et le retenir.',
    ],
  },
  {
    slug: 'compte-bloque',
    title: 'Mon compte est verrouillé après plusieurs essais',
    body: [
      'Après 5 tentatives de connexion échouées à la suite, votre compte est verrouillé pendant 30 minutes.',
      'Ce blocage temporaire empêche quelqu’un de deviner votre mot de passe en essayant des combinaisons.',
      'Passé ce délai, vous pouvez vous reconnecter normalement.',
      'Si vous n’êtes pas sûr de votre mot de passe, réinitialisez-le plutôt que de multiplier les essais.',
      'Si ces tentatives ne viennent pas de vous, changez votre mot de passe et activez la double authentification.',
    ],
  },
  {
    slug: 'double-authentification',
    title: 'Activer la double authentification',
    body: [
      'La double authentification ajoute un second contrôle après le mot de passe : un code à six chiffres produit par une application d’authentification installée sur votre téléphone.',
      'Pour l’activer, ouvrez Mon compte › Sécurité, scannez le QR code affiché avec l’application puis saisissez le code qu’elle donne.',
      'Nous vous remettons alors 10 codes de récupération, à conserver ailleurs que sur votre téléphone.',
      'Chaque code de récupération ne sert qu’une fois.',
      'Même si votre mot de passe était découvert, personne ne pourrait se connecter sans votre téléphone.',
    ],
  },
  {
    slug: 'telephone-perdu-codes-recuperation',
    title: 'Téléphone perdu ou remplacé : se connecter avec un code de récupération',
    body: [
      'Si vous n’avez plus accès à votre application d’authentification, saisissez l’un de vos 10 codes de récupération à la place du code à six chiffres.',
      'Chaque code ne fonctionne qu’une fois.',
      'Une fois connecté, désactivez puis réactivez la double authentification avec votre nouvel appareil : une nouvelle série de codes vous est remise et les anciens cessent d’être valables.',
      'Sans code de récupération, contactez le service client, qui vérifiera votre identité avant de désactiver la double authentification.',
    ],
  },
  {
    slug: 'code-sms-non-recu',
    title: 'Le code de vérification par SMS n’arrive pas',
    body: [
      'Le code envoyé par SMS est valable 10 minutes ; au-delà, demandez-en un nouveau.',
      'Vérifiez que le numéro de mobile enregistré dans votre espace est bien le vôtre et que votre téléphone capte le réseau.',
      'Certains opérateurs retardent les SMS envoyés automatiquement : patientez quelques minutes avant de redemander un code.',
      'Si votre numéro a changé, réinitialisez votre mot de passe par e-mail, puis mettez votre numéro à jour dans Mon compte.',
    ],
  },
  {
    slug: 'changer-adresse-email',
    title: 'Modifier l’adresse e-mail de mon espace client',
    body: [
      'Dans Mon compte › Informations personnelles, saisissez votre nouvelle adresse e-mail.',
      'Un lien de confirmation y est envoyé : la nouvelle adresse n’est prise en compte qu’après un clic sur ce lien.',
      'Un message part aussi vers l’ancienne adresse, pour vous prévenir si ce changement n’est pas de vous.',
      'Vos documents et notifications arrivent ensuite à la nouvelle adresse.',
    ],
  },
  {
    slug: 'alerte-connexion-inhabituelle',
    title: 'J’ai reçu un message signalant une connexion depuis un nouvel appareil',
    body: [
      'Nous vous écrivons quand votre compte est utilisé depuis un appareil ou un navigateur que nous ne connaissons pas encore.',
      'Si c’est bien vous, vous n’avez rien à faire.',
      'Sinon, cliquez sur « Ce n’était pas moi » dans le message : toutes vos sessions sont fermées et vous êtes invité à changer de mot de passe.',
      'Activez ensuite la double authentification pour mieux protéger votre compte.',
    ],
  },
  {
    slug: 'changer-mot-de-passe',
    title: 'Changer mon mot de passe',
    body: [
      'Une fois connecté, ouvrez Mon compte › Sécurité et choisissez « Changer mon mot de passe ».',
      'Saisissez votre mot de passe actuel, puis le nouveau, qui doit respecter les règles habituelles : 8 caractères au moins, avec majuscule, minuscule, chiffre et caractère spécial.',
      'Par précaution, vos autres appareils sont déconnectés.',
      'Un e-mail vous confirme la modification.',
    ],
  },
];
