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
      'Si vous ne le retrouvez pas, choisissez « Numéro de contrat oublié » sur la page de connexion, saisissez l’adresse e-mail de votre espace client et touchez « Recevoir mon numéro de contrat » : il est envoyé à cette adresse.',
      'Par sécurité, l’écran répond de la même façon quelle que soit l’adresse saisie ; si rien n’arrive, regardez vos courriers indésirables et vérifiez l’adresse.',
    ],
    keywords: ['numéro de contrat oublié', 'numéro client', 'identifiant oublié'],
    related: ['creer-mon-acces', 'mot-de-passe-oublie'],
  },
  {
    slug: 'premiere-connexion-activer-compte',
    title: 'Activer mon espace client lors de la première connexion',
    body: [
      'Après la souscription, vous recevez un e-mail contenant un lien d’activation de votre espace client.',
      'Ce lien est valable 72 heures et ne sert qu’une fois.',
      'Il vous permet de confirmer votre adresse e-mail et de choisir votre mot de passe.',
      'Si le lien a expiré, demandez-en un nouveau depuis la page de connexion, avec « Recevoir un nouveau lien », avec votre numéro de contrat et votre adresse e-mail.',
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
      'Nous refusons aussi les mots de passe trop répandus, comme azerty123, et ceux qui reprennent votre nom ou votre adresse e-mail.',
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
      'La double authentification ajoute un second contrôle après le mot de passe : un code à six chiffres produit par une application d’authentification installée sur votre téléphone, ou reçu par SMS.',
      'Pour l’activer avec une application, ouvrez « Mon compte et sécurité › Sécurité du compte », touchez « Activer avec une application », scannez le QR code affiché puis saisissez le code qu’elle donne.',
      'Nous vous remettons alors 10 codes de récupération, affichés une seule fois sous « Vos codes de secours », à conserver ailleurs que sur votre téléphone.',
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
      'Une fois connecté, dans « Mon compte et sécurité › Sécurité du compte », ouvrez « Désactiver la validation en deux étapes » (mot de passe et code de secours), puis réactivez-la avec « Activer avec une application » sur votre nouvel appareil : une nouvelle série de codes vous est remise et les anciens cessent d’être valables.',
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
      'Si votre numéro a changé, réinitialisez votre mot de passe par e-mail, puis mettez votre numéro à jour dans « Mon compte et sécurité › Mes informations ».',
    ],
  },
  {
    slug: 'changer-adresse-email',
    title: 'Modifier l’adresse e-mail de mon espace client',
    body: [
      'Dans « Mon compte et sécurité › Adresse e-mail », touchez « Changer d’adresse e-mail », saisissez la nouvelle adresse puis « Recevoir un code ».',
      'Un code à 6 chiffres est envoyé à la nouvelle adresse, valable 15 minutes : saisissez-le puis touchez « Valider le code ». L’adresse ne change qu’à ce moment.',
      'Si vous vous êtes connecté il y a plus de quelques minutes, votre mot de passe vous est demandé à nouveau avant l’envoi du code.',
      'Un message part aussi vers l’ancienne adresse, avec un lien pour le signaler si ce changement n’est pas de vous.',
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
      'Une fois connecté, ouvrez « Mon compte et sécurité » et choisissez « Changer mon mot de passe ».',
      'Saisissez votre mot de passe actuel, puis le nouveau, qui doit respecter les règles habituelles : 8 caractères au moins, avec majuscule, minuscule, chiffre et caractère spécial.',
      'Par précaution, vos autres appareils sont déconnectés.',
      'Un e-mail vous confirme la modification.',
    ],
  },
  {
    slug: 'appareils-connectes',
    title: 'Voir et déconnecter les appareils connectés à mon compte',
    body: [
      '« Mon compte et sécurité › Appareils connectés » liste chaque appareil où votre session est ouverte.',
      'Touchez « Déconnecter cet appareil » pour en fermer un à distance, par exemple un ordinateur partagé.',
      'Les « Dernières connexions » montrent aussi les tentatives refusées, avec leur date.',
    ],
    keywords: ['appareils', 'sessions', 'déconnecter à distance'],
    related: ['alerte-connexion-inhabituelle', 'iphone-appareil-perdu', 'dernieres-connexions'],
  },
  {
    slug: 'dernieres-connexions',
    title: 'Vérifier les dernières connexions à mon compte',
    body: [
      '« Mon compte et sécurité › Dernières connexions » liste chaque connexion, réussie ou refusée, avec l’appareil, le lieu approximatif et la date ; une connexion depuis un appareil encore inconnu porte la mention Nouvel appareil.',
      'Pour une connexion depuis un nouvel appareil, si c’est bien vous, touchez « C’est moi » : elle est marquée comme reconnue par vous.',
      'Pour une connexion réussie qui ne vient pas de vous, touchez « Ce n’était pas moi », puis « Déconnecter cet appareil » ou « Déconnecter tous mes appareils » : votre mot de passe est bloqué jusqu’à ce que vous en choisissiez un nouveau avec « Changer mon mot de passe ».',
    ],
    keywords: ['historique de connexion', 'connexion suspecte', 'piratage', 'nouvel appareil'],
    related: ['appareils-connectes', 'ce-netait-pas-moi', 'niveau-de-protection'],
  },
  {
    slug: 'niveau-de-protection',
    title: 'Le niveau de protection de mon compte',
    body: [
      '« Mon compte et sécurité › Sécurité du compte » donne un niveau de protection sur 100, calculé d’après vos réglages de sécurité et vos connexions récentes, avec nos conseils pour l’améliorer.',
      'Activer la double authentification, vérifier votre adresse e-mail et votre numéro de mobile, ou reconnaître une connexion depuis un nouvel appareil avec « C’est moi » le font monter.',
      'La courbe « Évolution de votre niveau de protection » montre comment il a changé ; « Voir les changements jour par jour » en donne le détail, date par date.',
    ],
    keywords: ['score de sécurité', 'niveau de sécurité', 'protection du compte', 'conseils'],
    related: ['double-authentification', 'dernieres-connexions'],
  },
  {
    slug: 'double-authentification-sms',
    title: 'Recevoir le code de connexion par SMS',
    body: [
      'Sans application d’authentification, vous pouvez recevoir le code à six chiffres par SMS à chaque connexion, sur votre numéro de mobile confirmé.',
      'Ajoutez d’abord votre numéro dans « Mon compte et sécurité › Mes informations » et confirmez-le avec le code reçu ; ensuite, dans « Sécurité du compte », touchez « Recevoir les codes par SMS ».',
      'Confirmez votre mot de passe si l’espace client vous le demande : vos 10 codes de secours s’affichent alors, une seule fois, sous « Vos codes de secours ».',
      'Le code reçu à la connexion vaut 5 minutes et une seule connexion ; si l’application d’authentification est déjà active, « Recevoir plutôt les codes par SMS » demande un de ses codes, puis « Passer au SMS ».',
      'Une application protège mieux qu’un SMS, qui peut être détourné : « Utiliser plutôt une application » vous y fait passer à tout moment.',
    ],
    keywords: ['sms', 'code par sms', 'double authentification', 'sans application', 'texto'],
    related: ['double-authentification', 'code-sms-non-recu', 'codes-de-secours'],
  },
  {
    slug: 'codes-de-secours',
    title: 'Les codes de secours de la vérification en deux étapes',
    body: [
      'En activant la vérification en deux étapes, vous recevez des codes de secours, affichés dans « Vos codes de secours ».',
      'Chacun ne sert qu’une fois, à la place du code de l’application, si vous n’avez plus votre téléphone.',
      'Imprimez-les ou notez-les, et rangez-les loin de votre téléphone.',
    ],
    keywords: ['codes de secours', 'récupération', 'double authentification'],
    related: ['double-authentification', 'telephone-perdu-codes-recuperation'],
  },
  {
    slug: 'creer-mon-acces',
    title: 'Créer mon accès à l’espace client',
    body: [
      'Après la souscription, un e-mail d’invitation vous conduit à « Créer mon accès ».',
      'Saisissez votre numéro de contrat, l’adresse e-mail donnée à Abri et le mot de passe de votre choix ; un lien d’activation vous est ensuite envoyé par e-mail.',
      'Vous vous connectez ensuite avec votre numéro de contrat, tel qu’il est imprimé sur vos documents, et ce mot de passe.',
    ],
    keywords: ['inscription', 'créer un compte', 'invitation'],
    related: ['premiere-connexion-activer-compte', 'numero-de-contrat-introuvable'],
  },
  {
    slug: 'confirmer-mot-de-passe',
    title: 'Pourquoi l’espace client me redemande-t-il mon mot de passe ?',
    body: [
      'Pour une action sensible, comme retirer un moyen de paiement ou modifier la sécurité du compte, nous vous demandons de confirmer votre mot de passe si votre connexion date un peu.',
      'Saisissez-le dans « Confirmez votre mot de passe » : l’action reprend aussitôt.',
      'Cette vérification protège votre compte si quelqu’un utilise votre appareil resté connecté.',
    ],
    keywords: ['confirmer', 'mot de passe redemandé', 'sécurité'],
    related: ['changer-mot-de-passe', 'deconnexion-automatique'],
  },
  {
    slug: 'ce-netait-pas-moi',
    title: 'Signaler un changement que je n’ai pas fait',
    body: [
      'Chaque changement important de votre compte vous est signalé par e-mail, avec un lien « Ce n’était pas moi ».',
      'Ce lien ferme la session qui a fait le changement et bloque votre mot de passe jusqu’à ce que vous en choisissiez un nouveau.',
      'Choisissez ensuite un mot de passe que vous n’utilisez nulle part ailleurs.',
    ],
    keywords: ['piratage', 'changement suspect', 'compte compromis'],
    related: ['alerte-connexion-inhabituelle', 'changer-mot-de-passe'],
  },
];
