// Help centre: declaring and following a claim. Deadlines are those of the Code des assurances (L113-2 for the
// declaration, L125-1 and following for natural disasters).
import type { HelpArticle } from '../help-articles.ts';

export const CLAIM_ARTICLES: readonly HelpArticle[] = [
  {
    slug: 'declarer-sinistre',
    title: 'Déclarer un sinistre en ligne',
    body: [
      'Dans « Mes sinistres › Déclarer un sinistre », indiquez la date, le lieu et les circonstances, puis ajoutez vos photos et justificatifs.',
      'Vous disposez de 5 jours ouvrés après avoir eu connaissance du sinistre pour le déclarer, et de 2 jours ouvrés pour un vol.',
      'Un numéro de dossier vous est attribué aussitôt et un accusé de réception vous est envoyé.',
      'Si des pièces vous manquent, vous pourrez compléter votre déclaration plus tard.',
    ],
  },
  {
    slug: 'declarer-vol-cambriolage',
    title: 'Après un cambriolage : les démarches',
    body: [
      'Déposez plainte au commissariat ou à la gendarmerie le plus vite possible et gardez le récépissé du dépôt de plainte.',
      'Déclarez le vol dans les 2 jours ouvrés depuis votre espace, en joignant la plainte et la liste des objets dérobés.',
      'Rassemblez factures, photos, certificats d’authenticité ou expertises pour justifier la valeur des biens.',
      'Faites réparer ou sécuriser sans attendre la porte ou la fenêtre forcée, et gardez la facture.',
      'Si des moyens de paiement ont été pris, faites-les opposer immédiatement auprès de votre banque.',
    ],
  },
  {
    slug: 'vol-sans-effraction',
    title: 'Un vol sans effraction est-il couvert ?',
    body: [
      'La garantie Vol couvre le vol commis avec effraction, escalade, usage de fausses clés ou violence sur les personnes.',
      'Un vol sans trace d’entrée forcée, par exemple par une porte laissée ouverte, n’est pas couvert.',
      'Les vols dans les parties communes d’un immeuble, comme une cave ou un local à vélos ouvert à tous, sont également exclus.',
      'En cas de doute, déclarez quand même : nous étudierons les circonstances.',
    ],
  },
  {
    slug: 'degat-des-eaux-que-faire',
    title: 'Dégât des eaux : les premiers gestes',
    body: [
      'Coupez l’eau au robinet d’arrivée, et l’électricité si l’eau approche des prises.',
      'Cherchez d’où vient la fuite : de chez vous, de chez un voisin ou des parties communes, et prévenez le voisin ou le syndic.',
      'Photographiez les dégâts avant de nettoyer.',
      'Remplissez un constat amiable avec la personne concernée, puis déclarez le sinistre dans les 5 jours ouvrés.',
      'Gardez les objets abîmés jusqu’à ce que nous vous disions que vous pouvez vous en séparer.',
    ],
  },
  {
    slug: 'convention-irsi',
    title: 'Fuite en immeuble : la convention IRSI entre assureurs',
    body: [
      'Pour les dégâts des eaux et les incendies dans les immeubles, les assureurs appliquent entre eux la convention IRSI.',
      'Elle désigne un seul assureur gestionnaire, en général celui de l’occupant du local endommagé, qui organise la recherche de fuite.',
      'Jusqu’à 1 600 € HT de dommages par local, cet assureur indemnise son assuré sans expertise commune ni recours contre les autres.',
      'Entre 1 600 € et 5 000 € HT, il mène l’expertise pour le compte de tous les assureurs concernés.',
      'Cette convention règle les rapports entre assureurs : votre interlocuteur reste votre propre assureur.',
    ],
  },
  {
    slug: 'constat-amiable-degat-des-eaux',
    title: 'Remplir un constat amiable après une fuite',
    body: [
      'Le constat amiable dégât des eaux est un formulaire commun à tous les assureurs, à remplir avec l’autre personne concernée : voisin, propriétaire ou syndic.',
      'Chacun y indique ses coordonnées, son assureur et son numéro de contrat, puis vous décrivez ensemble l’origine de la fuite et les dommages.',
      'Si l’autre personne refuse de signer, remplissez-le seul et précisez-le.',
      'Un formulaire vierge est disponible dans Mes documents ; joignez le constat rempli à votre déclaration.',
    ],
  },
  {
    slug: 'bris-de-glace',
    title: 'Que couvre la garantie Bris de glace ?',
    body: [
      'La garantie Bris de glace prend en charge le remplacement des vitres, baies vitrées, vérandas et plaques de cuisson vitrocéramiques brisées accidentellement.',
      'Les simples rayures et écaillures ne sont pas couvertes.',
      'Faites sécuriser l’ouverture, en fermant un volet ou avec un panneau provisoire, puis déclarez le sinistre avec une photo et le devis ou la facture du vitrier.',
      'Si le bris vient d’une tentative d’effraction, déclarez-le comme un vol : les dégâts seront traités ensemble.',
    ],
  },
  {
    slug: 'tempete-grele-neige',
    title: 'Tempête, grêle ou neige : que faire ?',
    body: [
      'La garantie Tempête, grêle et poids de la neige sur les toitures est incluse dans tout contrat qui couvre l’incendie.',
      'Elle joue pour les vents d’une force exceptionnelle, définie dans vos conditions générales, par exemple quand de nombreux bâtiments de la commune sont touchés.',
      'Protégez d’abord les lieux, par exemple avec une bâche sur la toiture, et photographiez les dégâts.',
      'Déclarez le sinistre dans les 5 jours ouvrés.',
      'Les clôtures et portails mal fixés ne sont pas couverts.',
    ],
  },
  {
    slug: 'catastrophe-naturelle',
    title: 'Catastrophe naturelle : conditions d’indemnisation',
    body: [
      'Inondation, coulée de boue, sécheresse ou séisme sont indemnisés au titre des catastrophes naturelles seulement après la publication au Journal officiel d’un arrêté interministériel qui reconnaît cet état pour votre commune.',
      'Signalez les dommages dès que possible, puis déclarez-les au plus tard 30 jours après la publication de l’arrêté.',
      'Une franchise fixée par la loi s’applique : 380 € pour une habitation, 1 520 € pour les dommages dus à la sécheresse.',
      'Votre mairie peut vous dire où en est la demande de reconnaissance.',
    ],
  },
  {
    slug: 'incendie-que-faire',
    title: 'Incendie : les bons réflexes',
    body: [
      'Mettez-vous en sécurité et appelez les pompiers au 18 ou au 112.',
      'Une fois le feu éteint, ne jetez rien : les photos et les objets abîmés aident à chiffrer les dommages.',
      'Déclarez le sinistre dans les 5 jours ouvrés.',
      'Si votre logement est devenu inhabitable, indiquez-le dans la déclaration : selon votre contrat, des frais de relogement peuvent être pris en charge.',
    ],
  },
  {
    slug: 'suivre-mon-sinistre',
    title: 'Suivre l’avancement de mon dossier',
    body: [
      'Dans « Mes sinistres », chaque dossier affiche son statut en temps réel : déclaré, pris en charge, documents demandés, expert missionné, rapport reçu, indemnité calculée, payé, clos.',
      'Vous êtes notifié à chaque changement d’étape.',
      'Si des pièces vous sont demandées, déposez-les directement dans le dossier.',
      'Le nom de votre gestionnaire et le moyen de le joindre figurent en haut de la page.',
    ],
  },
  {
    slug: 'visite-expert',
    title: 'Le passage de l’expert',
    body: [
      'Pour les dommages importants, nous mandatons un expert qui prend rendez-vous avec vous.',
      'Il constate les dégâts, en recherche la cause et évalue le coût des réparations.',
      'Préparez les factures, photos, devis et objets endommagés.',
      'Son rapport nous est transmis et sert au calcul de votre indemnité.',
      'Si vous contestez ses conclusions, vous pouvez faire appel à votre propre expert pour une contre-expertise.',
    ],
  },
  {
    slug: 'calcul-indemnite',
    title: 'Comment est calculée mon indemnité ?',
    body: [
      'L’indemnité correspond au montant des dommages retenu après expertise ou sur justificatifs, dans la limite du plafond de la garantie, diminué de la franchise.',
      'Par exemple, pour des dommages estimés à 2 000 € avec une franchise de 150 €, vous recevez 1 850 €.',
      'Selon votre contrat, les biens sont remboursés en valeur à neuf ou avec une déduction pour vétusté.',
      'Le versement se fait par virement sur le compte bancaire que vous indiquez.',
    ],
  },
  {
    slug: 'delai-indemnisation',
    title: 'Sous quel délai suis-je payé ?',
    body: [
      'Une fois l’indemnité calculée, vous recevez une proposition dans votre espace.',
      'Dès que vous l’acceptez, le virement est lancé et arrive en général sous quelques jours ouvrés.',
      'Pour une catastrophe naturelle, la loi fixe des délais maximaux, qui courent à partir de la remise de votre état des pertes ou de la publication de l’arrêté.',
      'Si des réparations doivent être faites, une partie peut être versée sur présentation des factures.',
    ],
  },
  {
    slug: 'justificatifs-sinistre',
    title: 'Quelles pièces fournir pour mon dossier ?',
    body: [
      'Factures d’achat, photos, devis de réparation, bons de garantie ou relevés bancaires : tout ce qui prouve l’existence et la valeur des biens endommagés est utile.',
      'Pour un vol, la copie du dépôt de plainte est indispensable.',
      'Pour une fuite venant d’un voisin, joignez le constat amiable.',
      'Déposez les pièces au format PDF, JPEG ou PNG directement dans votre dossier.',
    ],
  },
  {
    slug: 'sinistre-refuse',
    title: 'Ma demande d’indemnisation a été rejetée',
    body: [
      'Un refus est toujours motivé : garantie non souscrite, exclusion prévue au contrat, ou circonstances qui ne correspondent pas à la garantie.',
      'Si vous avez de nouveaux éléments, ajoutez-les au dossier et demandez un réexamen à votre gestionnaire.',
      'Si le désaccord persiste, adressez une réclamation écrite à notre service réclamations, qui répond sous deux mois au plus.',
      'Vous pouvez ensuite saisir gratuitement la Médiation de l’assurance.',
    ],
  },
  {
    slug: 'mesures-urgence',
    title: 'Limiter les dégâts en attendant les réparations',
    body: [
      'Après un sinistre, vous devez prendre les mesures raisonnables pour éviter que les dommages ne s’aggravent : couper l’eau, bâcher un toit, faire poser une planche sur une vitre brisée.',
      'Ces frais d’urgence font partie de votre dossier : gardez les factures.',
      'Ne faites pas de réparations définitives importantes avant notre accord ou le passage de l’expert, sauf urgence.',
      'Notre assistance peut vous envoyer un artisan 24 heures sur 24.',
    ],
  },
  {
    slug: 'statuts-sinistre',
    title: 'Que signifie le statut de mon sinistre ?',
    body: [
      'Déclaré : votre déclaration est enregistrée. Pris en charge : un gestionnaire suit votre dossier.',
      'Pièces demandées : il nous manque un justificatif, que vous ajoutez dans la rubrique « Pièces jointes » du sinistre.',
      'Expert désigné, puis rapport d’expertise reçu : l’expert a évalué les dommages.',
      'Indemnité calculée, puis indemnité versée : le montant est fixé, puis payé ; le dossier est ensuite clos.',
      'Un dossier refusé est motivé, et un dossier clos peut être rouvert si un élément nouveau apparaît.',
    ],
    keywords: ['statut', 'étape', 'avancement', 'dossier'],
    related: ['suivre-mon-sinistre', 'justificatifs-sinistre'],
  },
  {
    slug: 'ajouter-piece-jointe-sinistre',
    title: 'Ajouter une photo ou un justificatif à un sinistre déjà déclaré',
    body: [
      'Ouvrez le sinistre dans « Mes sinistres », puis ajoutez vos fichiers dans la rubrique « Pièces jointes ».',
      'Sont acceptés les photos JPEG, PNG, WebP et HEIC et les documents PDF, jusqu’à 5 Mo par fichier.',
      'Un fichier dont le contenu ne correspond pas à un de ces formats est refusé, même si son nom se termine par .jpg ou .pdf.',
    ],
    keywords: ['pièce jointe', 'photo', 'facture', 'ajouter un document'],
    related: ['justificatifs-sinistre', 'iphone-photos-sinistre'],
  },
  {
    slug: 'questionnaire-sinistre',
    title: 'Pourquoi les questions changent selon le type de sinistre',
    body: [
      'Dans « Déclarer un sinistre », vous choisissez d’abord ce qui s’est passé, puis un questionnaire propre à ce type s’affiche.',
      'Pour un vol, nous demandons le dépôt de plainte ; pour un dégât des eaux, l’origine de la fuite et les voisins concernés ; pour un bris de glace, l’élément touché et s’il est cassé ou seulement fêlé.',
      'Vos réponses nous évitent de vous recontacter et accélèrent la prise en charge.',
    ],
    keywords: ['questionnaire', 'formulaire', 'questions'],
    related: ['declarer-sinistre', 'declarer-vol-cambriolage'],
  },
  {
    slug: 'declaration-tardive',
    title: 'J’ai déclaré mon sinistre en retard',
    body: [
      'Le délai de déclaration est de 5 jours ouvrés, 2 jours ouvrés pour un vol, et 30 jours après la publication de l’arrêté pour une catastrophe naturelle.',
      'Une déclaration tardive est enregistrée quand même ; le retard est indiqué dans votre dossier.',
      'Nous ne pouvons refuser l’indemnisation pour ce seul motif que si le retard nous a causé un préjudice, et jamais en cas de force majeure.',
    ],
    keywords: ['retard', 'délai dépassé', 'hors délai'],
    related: ['declarer-sinistre', 'catastrophe-naturelle'],
  },
  {
    slug: 'sinistre-rouvert',
    title: 'Rouvrir un dossier de sinistre clos',
    body: [
      'Si un dommage réapparaît ou qu’un élément nouveau se présente après la clôture, contactez-nous en rappelant la référence du sinistre.',
      'Le gestionnaire peut rouvrir le dossier : il repasse alors en cours de traitement et apparaît dans « Sinistres en cours » sur votre « Accueil ».',
      'Chaque étape reste visible dans le « Suivi » du sinistre.',
    ],
    keywords: ['rouvrir', 'réouverture', 'dossier clos'],
    related: ['statuts-sinistre', 'suivre-mon-sinistre'],
  },
];
