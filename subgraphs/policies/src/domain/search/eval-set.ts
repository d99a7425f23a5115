// The search evaluation set: what customers actually type into the search box, with the pages that answer them.
// Corpus: the help centre plus a standard contract (sample-corpus.ts). Queries are written the way people write
// (lower case, missing accents, questions, their own words), never copied from a title. A query may accept several
// pages when each of them answers it; the first three hits must contain one of them.
//
// Identifiers: an article slug, `guarantee:<CODE>`, `document:<key>`, `contract:<number>`, `claim:<id>`, or a payments
// page (`payments:schedule`, `payments:<year>`, `arrear:<id>`).

export interface EvalCase {
  query: string;
  expected: readonly string[];
}

export const EVAL_SET: readonly EvalCase[] = [
  // The three examples of the issue
  { query: 'dégât des eaux', expected: ['guarantee:WATER_DAMAGE'] },
  { query: 'cambriolage', expected: ['guarantee:THEFT'] },
  { query: 'vitre cassée', expected: ['guarantee:GLASS_BREAKAGE'] },
  // Guarantees, in the customer's words
  {
    query: 'fuite d’eau chez le voisin du dessous',
    expected: [
      'degat-des-eaux-que-faire',
      'constat-amiable-degat-des-eaux',
      'convention-irsi',
      'guarantee:WATER_DAMAGE',
    ],
  },
  { query: 'infiltration par le toit', expected: ['guarantee:WATER_DAMAGE', 'degat-des-eaux-que-faire'] },
  { query: 'on m’a volé mon vélo dans la cave', expected: ['guarantee:THEFT', 'vol-sans-effraction'] },
  { query: 'ma porte a ete forcee', expected: ['guarantee:THEFT', 'declarer-vol-cambriolage'] },
  { query: 'fenetre brisee', expected: ['guarantee:GLASS_BREAKAGE', 'bris-de-glace'] },
  { query: 'plaque vitrocéramique fissurée', expected: ['guarantee:GLASS_BREAKAGE', 'bris-de-glace'] },
  { query: 'le feu a pris dans la cuisine', expected: ['guarantee:FIRE', 'incendie-que-faire'] },
  { query: 'grêlons sur la toiture', expected: ['guarantee:STORM', 'tempete-grele-neige'] },
  { query: 'arbre tombé sur la maison pendant la tempête', expected: ['guarantee:STORM', 'tempete-grele-neige'] },
  {
    query: 'ma maison a été inondée par la rivière',
    expected: ['guarantee:NATURAL_DISASTER', 'catastrophe-naturelle'],
  },
  {
    query: 'fissures dans les murs à cause de la sécheresse',
    expected: ['guarantee:NATURAL_DISASTER', 'catastrophe-naturelle'],
  },
  { query: 'tremblement de terre', expected: ['guarantee:NATURAL_DISASTER', 'catastrophe-naturelle'] },
  { query: 'attentat', expected: ['guarantee:TERRORISM'] },
  { query: 'mon fils a cassé la vitre du voisin', expected: ['responsabilite-civile', 'guarantee:LIABILITY'] },
  { query: 'mon chien a mordu quelqu’un', expected: ['responsabilite-civile', 'guarantee:LIABILITY'] },
  // Claims
  { query: 'combien de temps pour declarer un vol', expected: ['declarer-vol-cambriolage', 'declarer-sinistre'] },
  { query: 'faire une déclaration de sinistre', expected: ['declarer-sinistre'] },
  { query: 'où en est mon dossier', expected: ['suivre-mon-sinistre'] },
  { query: 'quand l’expert va-t-il passer', expected: ['visite-expert'] },
  { query: 'combien vais-je être remboursé', expected: ['calcul-indemnite', 'delai-indemnisation'] },
  { query: 'constat avec mon voisin pour une fuite', expected: ['constat-amiable-degat-des-eaux'] },
  { query: 'franchise catastrophe naturelle', expected: ['catastrophe-naturelle', 'guarantee:NATURAL_DISASTER'] },
  { query: 'l’assurance refuse de me rembourser', expected: ['sinistre-refuse'] },
  // Documents
  {
    query: 'attestation pour mon propriétaire',
    expected: ['attestation-assurance-habitation', 'document:attestation', 'verifier-attestation-qr-code'],
  },
  {
    query: 'mon agence veut vérifier mon attestation',
    expected: ['verifier-attestation-qr-code', 'document:attestation'],
  },
  {
    query: 'liste de ce que couvre mon contrat',
    expected: ['certificat-de-garanties', 'document:certificat-garanties'],
  },
  { query: 'conditions generales', expected: ['conditions-generales', 'document:conditions-generales'] },
  { query: 'document qui modifie mon contrat', expected: ['avenant-contrat', 'document:avenant-1'] },
  { query: 'historique de mes sinistres pour un nouvel assureur', expected: ['releve-information'] },
  { query: 'impossible d’ouvrir le pdf', expected: ['telecharger-pdf'] },
  // Sign-in
  { query: 'j’ai oublié mon mot de passe', expected: ['mot-de-passe-oublie'] },
  { query: 'compte bloque', expected: ['compte-bloque'] },
  { query: 'où trouver mon numéro de contrat', expected: ['numero-de-contrat-introuvable'] },
  { query: 'lien d’activation expiré', expected: ['premiere-connexion-activer-compte'] },
  { query: 'je ne reçois pas le code par sms', expected: ['code-sms-non-recu'] },
  { query: 'sécuriser mon compte avec une application', expected: ['double-authentification'] },
  { query: 'nouveau téléphone codes de secours', expected: ['telephone-perdu-codes-recuperation', 'codes-de-secours'] },
  { query: 'changer mon adresse mail', expected: ['changer-adresse-email'] },
  { query: 'connexion depuis un appareil inconnu', expected: ['alerte-connexion-inhabituelle'] },
  { query: 'mot de passe refusé trop simple', expected: ['regles-mot-de-passe'] },
  // Browsers and the app
  { query: 'le site ne marche pas sur internet explorer', expected: ['navigateurs-compatibles'] },
  { query: 'la page s’affiche mal', expected: ['vider-cache', 'navigateurs-compatibles'] },
  { query: 'cookies bloqués', expected: ['cookies-connexion'] },
  { query: 'télécharger l’appli sur iphone', expected: ['application-mobile'] },
  { query: 'mode incognito', expected: ['navigation-privee'] },
  // Payments
  { query: 'comment changer mon iban', expected: ['changer-iban'] },
  { query: 'changer le jour du prélèvement', expected: ['changer-date-prelevement'] },
  { query: 'payer en une seule fois', expected: ['paiement-mensuel-ou-annuel'] },
  {
    query: 'prélèvement refusé par la banque',
    // The customer's own refused debit and the reasons article (issue 16) answer it as well.
    expected: ['prelevement-rejete', 'arrear:1', 'motifs-rejet-prelevement'],
  },
  { query: 'que se passe-t-il si je ne paie pas', expected: ['prelevement-rejete'] },
  { query: 'justificatif de paiement de ma cotisation', expected: ['attestation-de-paiement'] },
  { query: 'pourquoi mon assurance est plus chère cette année', expected: ['hausse-cotisation'] },
  // Privacy
  { query: 'supprimer mes données', expected: ['supprimer-mon-compte'] },
  { query: 'récupérer une copie de mes données', expected: ['exporter-mes-donnees'] },
  { query: 'porter plainte auprès de la cnil', expected: ['reclamation-cnil'] },
  { query: 'qui a accès à mes informations', expected: ['donnees-conservees'] },
  { query: 'me désabonner des publicités', expected: ['offres-commerciales'] },
  // Contract
  { query: 'résilier mon assurance', expected: ['resiliation-loi-hamon'] },
  { query: 'je déménage', expected: ['demenagement'] },
  { query: 'assurer mes bijoux', expected: ['objets-de-valeur'] },
  { query: 'je construis une véranda', expected: ['travaux-logement'] },
  { query: 'ajouter une garantie', expected: ['modifier-garanties'] },
  { query: 'baisser ma franchise', expected: ['choisir-franchise'] },
  { query: 'assurance obligatoire pour un locataire', expected: ['assurance-habitation-obligatoire'] },
  { query: 'reconduction automatique du contrat', expected: ['renouvellement-contrat'] },
  // Second batch, written after the analyser and thesaurus were tuned on the cases above, to check that the tuning
  // generalises. Kept in the set as they were first scored.
  { query: 'degats eaux salle de bain', expected: ['guarantee:WATER_DAMAGE', 'degat-des-eaux-que-faire'] },
  {
    query: 'vol de vélo dans mon garage',
    expected: ['guarantee:THEFT', 'vol-sans-effraction', 'declarer-vol-cambriolage'],
  },
  { query: 'baie vitrée fendue', expected: ['guarantee:GLASS_BREAKAGE', 'bris-de-glace'] },
  { query: 'orage toiture abîmée', expected: ['guarantee:STORM', 'tempete-grele-neige'] },
  { query: 'mot de passe perdu', expected: ['mot-de-passe-oublie'] },
  {
    query: 'je n’arrive pas à me connecter',
    expected: [
      'mot-de-passe-oublie',
      'compte-bloque',
      'cookies-connexion',
      'site-inaccessible',
      'premiere-connexion-activer-compte',
    ],
  },
  { query: 'rib pour le prélèvement', expected: ['changer-iban', 'mandat-sepa'] },
  { query: 'mensualisation', expected: ['paiement-mensuel-ou-annuel'] },
  { query: 'dates des prochains prélèvements', expected: ['echeancier', 'changer-date-prelevement'] },
  { query: 'preuve d’assurance pour le bail', expected: ['attestation-assurance-habitation', 'document:attestation'] },
  { query: 'le qr code de l’attestation', expected: ['verifier-attestation-qr-code', 'document:attestation'] },
  { query: 'droit à l’oubli', expected: ['supprimer-mon-compte'] },
  { query: 'combien de temps gardez-vous mes données', expected: ['duree-conservation-donnees'] },
  { query: 'changer d’assureur', expected: ['resiliation-loi-hamon'] },
  {
    query: 'incendie chez le voisin',
    expected: ['guarantee:FIRE', 'incendie-que-faire', 'convention-irsi', 'responsabilite-civile'],
  },
  { query: 'montant maximum remboursé', expected: ['plafond-garantie', 'calcul-indemnite'] },
  { query: 'suis-je couvert si on me vole sans effraction', expected: ['vol-sans-effraction', 'guarantee:THEFT'] },
  {
    query: 'télécharger mon contrat',
    expected: ['conditions-generales', 'document:conditions-generales', 'documents-introuvables'],
  },
  { query: 'ouvrir l’appli avec mon empreinte', expected: ['application-mobile'] },
  { query: 'pas d’accord avec l’expert', expected: ['visite-expert', 'sinistre-refuse'] },
  { query: 'payer avec ma carte bleue', expected: ['payer-par-carte'] },
  { query: 'arrêté catastrophe naturelle commune', expected: ['catastrophe-naturelle', 'guarantee:NATURAL_DISASTER'] },
  { query: 'coffre fort', expected: ['objets-de-valeur'] },
  { query: 'assurer ma maison de vacances', expected: ['residence-secondaire'] },
  { query: 'google authenticator', expected: ['double-authentification'] },
  { query: 'numéro client introuvable', expected: ['numero-de-contrat-introuvable'] },
  { query: 'pourquoi je suis déconnecté', expected: ['deconnexion-automatique'] },
  { query: 'remboursement après résiliation', expected: ['remboursement-cotisation'] },
  { query: 'saisir le médiateur', expected: ['sinistre-refuse'] },
  { query: 'franchise bris de glace', expected: ['guarantee:GLASS_BREAKAGE', 'choisir-franchise'] },
  // Issue 16: the whole file (the customer's contract, claims, payments, documents' numbers) and the help centre by
  // category (browsers, systems, devices, moving, notifications, assistance). Written before tuning, as above.
  { query: 'SIN-2026-004217', expected: ['claim:water'] },
  { query: 'où en est mon dégât des eaux', expected: ['claim:water', 'suivre-mon-sinistre'] },
  { query: 'mon sinistre de vitre a-t-il été payé', expected: ['claim:glass'] },
  { query: 'montant de l’indemnité pour la baie vitrée', expected: ['claim:glass'] },
  { query: 'sinistre en cours', expected: ['claim:water'] },
  { query: 'le lave-linge a fui', expected: ['claim:water', 'guarantee:WATER_DAMAGE'] },
  { query: 'prochain prélèvement', expected: ['payments:schedule', 'echeancier'] },
  { query: 'combien j’ai payé en 2025', expected: ['payments:2025', 'document:attestation-paiement-2025'] },
  { query: 'PAY-2025-000606', expected: ['payments:2025'] },
  { query: 'provision insuffisante', expected: ['arrear:1', 'motifs-rejet-prelevement'] },
  { query: 'code AM04', expected: ['arrear:1', 'motifs-rejet-prelevement'] },
  { query: 'adresse du logement assuré', expected: ['contract:HAB-48213'] },
  { query: 'surface de mon appartement', expected: ['contract:HAB-48213'] },
  { query: 'montant de ma cotisation annuelle', expected: ['contract:HAB-48213'] },
  { query: 'attestation ATT-2026-7K3Q9M2D', expected: ['document:attestation'] },
  {
    query: 'attestation de paiement pour les impôts',
    expected: ['document:attestation-paiement-2025', 'attestation-de-paiement'],
  },
  { query: 'vider le cache de safari', expected: ['safari-cache'] },
  { query: 'installer l’appli sur android', expected: ['android-installer', 'chrome-installer', 'application-mobile'] },
  {
    query: 'notifications sur iphone',
    expected: ['ios-notifications', 'safari-notifications', 'notifications-ne-arrivent-pas'],
  },
  { query: 'firefox ne garde pas ma connexion', expected: ['firefox-cookies', 'firefox-prive'] },
  { query: 'où est le pdf téléchargé sur mon mac', expected: ['macos-telechargements', 'safari-pdf'] },
  {
    query: 'code de l’application refusé mauvaise heure',
    expected: ['ios-heure', 'android-heure', 'windows-heure', 'macos-heure'],
  },
  {
    query: 'téléphone volé',
    expected: ['iphone-appareil-perdu', 'telephone-android-appareil-perdu', 'telephone-perdu-codes-recuperation'],
  },
  { query: 'photo hevc iphone sinistre', expected: ['iphone-photos-sinistre', 'ajouter-piece-jointe-sinistre'] },
  { query: 'nouvelle attestation après déménagement', expected: ['demenagement-attestation', 'attestation-nouvelle'] },
  { query: 'quand mon nouveau logement est-il couvert', expected: ['demenagement-date-effet'] },
  { query: 'serrurier en urgence', expected: ['option-assistance-habitation', 'assistance-urgence-que-faire'] },
  { query: 'faire une réclamation', expected: ['faire-une-reclamation'] },
  {
    query: 'mode sombre ne pas déranger notifications',
    expected: ['notifications-ne-arrivent-pas', 'macos-notifications', 'windows-notifications'],
  },
  { query: 'application sans internet', expected: ['application-hors-ligne'] },
];
