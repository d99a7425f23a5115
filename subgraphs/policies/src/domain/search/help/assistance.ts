// Help centre: assistance and complaints. The Assistance habitation option is the one of the catalogue
// (domain/guarantees.ts: urgent locksmith, plumber or electrician 24/7, up to 5 nights' lodging, 3 000 € per event);
// complaints and mediation follow the insurer's configured identity (platform/src/insurer.ts).
import type { HelpArticle } from '../help-articles.ts';

export const ASSISTANCE_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'option-assistance-habitation',
    title: 'L’option Assistance habitation',
    body: [
      'Avec l’option Assistance habitation, un serrurier, un plombier ou un électricien intervient en urgence, 24 heures sur 24.',
      'Si votre logement devient inhabitable après un sinistre, nous payons votre hébergement jusqu’à 5 nuits.',
      'L’option couvre jusqu’à 3 000 € par événement, sans franchise.',
      'Les interventions que vous organisez vous-même, sans passer par notre service d’assistance, ne sont pas prises en charge.',
      'Vous l’ajoutez ou la retirez dans « Mon contrat › Modifier ma couverture ».',
    ],
    keywords: ['dépannage', 'urgence'],
    related: ['modifier-garanties', 'mesures-urgence'],
  },
  {
    slug: 'assistance-urgence-que-faire',
    title: 'Urgence dans mon logement : qui appeler ?',
    body: [
      'En cas de danger, appelez d’abord les secours : le 18 pour les pompiers, le 112 depuis un téléphone mobile.',
      'Avec l’option Assistance habitation, faites appel à notre service d’assistance avant d’engager un dépanneur : c’est lui qui organise l’intervention.',
      'Sans cette option, limitez les dégâts, gardez les factures des réparations urgentes et déclarez le sinistre dans « Mes sinistres › Déclarer un sinistre ».',
    ],
    related: ['option-assistance-habitation', 'mesures-urgence', 'declarer-sinistre'],
  },
  {
    slug: 'assistance-verifier-option',
    title: 'Comment savoir si j’ai l’option Assistance ?',
    body: [
      'Ouvrez « Mon contrat » : vos options sont listées avec vos garanties dans « Vos garanties ».',
      'Vos conditions particulières, dans « Mes documents », les reprennent aussi.',
      'La recherche de l’espace client trouve l’option si vous tapez assistance.',
    ],
    related: ['option-assistance-habitation', 'conditions-generales'],
  },
  {
    slug: 'faire-une-reclamation',
    title: 'Faire une réclamation',
    body: [
      'Si une réponse ou une décision ne vous satisfait pas, écrivez à notre service Réclamations, dont l’adresse postale et l’adresse e-mail figurent sur chacun de vos documents.',
      'Nous accusons réception de votre réclamation sous 10 jours ouvrables et vous répondons dans un délai de 2 mois au plus.',
      'Précisez votre numéro de contrat et, s’il s’agit d’un sinistre, sa référence.',
    ],
    keywords: ['mécontent'],
    related: ['saisir-mediateur', 'sinistre-refuse'],
  },
  {
    slug: 'saisir-mediateur',
    title: 'Saisir le médiateur de l’assurance',
    body: [
      'Si notre réponse à votre réclamation ne vous convient pas, ou sans réponse dans les 2 mois, vous pouvez saisir gratuitement le médiateur.',
      'Ses coordonnées figurent sur vos documents, avec celles de l’autorité de contrôle, l’ACPR.',
      'Le médiateur rend un avis dans les 90 jours ; vous restez libre de saisir ensuite la justice.',
    ],
    related: ['faire-une-reclamation', 'sinistre-refuse'],
  },
  {
    slug: 'acces-support-temporaire',
    title: 'Un conseiller peut-il voir mon espace client ?',
    body: [
      'Nos conseillers du support ne voient votre espace client que si vous le leur permettez, pour une durée limitée que vous choisissez.',
      'Vous accordez cet accès dans « Mon compte et sécurité › Mes données › Assistance à distance », en choisissant sa durée.',
      'Vous pouvez y mettre fin à tout moment au même endroit, et il s’arrête de lui-même à la fin de la durée choisie.',
      'Chaque consultation par un membre de notre personnel est enregistrée dans le journal des accès à vos données.',
      'Un conseiller ne vous demandera jamais votre mot de passe ni un code reçu par SMS ou donné par votre application.',
    ],
    keywords: ['conseiller', 'support', 'accès', 'confidentialité'],
    related: ['donnees-conservees', 'alerte-connexion-inhabituelle'],
  },
];
