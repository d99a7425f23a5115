// French names of the API's closed sets, as the screens show them.
export const CLAIM_TYPE: Record<string, string> = {
  WATER_DAMAGE: 'Dégât des eaux',
  FIRE: 'Incendie',
  THEFT: 'Vol',
  GLASS_BREAKAGE: 'Bris de glace',
  STORM: 'Tempête',
  NATURAL_DISASTER: 'Catastrophe naturelle',
};

export const CLAIM_STATUS: Record<string, string> = {
  DECLARED: 'Déclaré',
  ACKNOWLEDGED: 'Pris en charge',
  DOCUMENTS_REQUESTED: 'Pièces demandées',
  EXPERT_ASSIGNED: 'Expert désigné',
  EXPERT_REPORT: 'Rapport d’expertise reçu',
  INDEMNITY_COMPUTED: 'Indemnité calculée',
  PAID: 'Indemnité versée',
  CLOSED: 'Clos',
  REFUSED: 'Refusé',
  REOPENED: 'Rouvert',
};

export const POLICY_STATUS: Record<string, string> = {
  ACTIVE: 'En cours',
  SUSPENDED: 'Suspendu',
  TERMINATED: 'Résilié',
};

/** Statuses after which a claim is no longer "in progress". */
export const CLAIM_DONE = new Set(['PAID', 'CLOSED', 'REFUSED']);

export const DOCUMENT_KIND: Record<string, string> = {
  ATTESTATION: 'Attestation d’assurance',
  CERTIFICATE: 'Certificat de garanties',
  AVENANT: 'Avenant',
  GENERAL_CONDITIONS: 'Conditions générales',
  PARTICULAR_CONDITIONS: 'Conditions particulières',
};

export const POLICY_OPTION: Record<string, string> = {
  VALUABLES: 'Objets de valeur',
  SWIMMING_POOL: 'Piscine',
  GARDEN: 'Jardin et plantations',
  ASSISTANCE: 'Assistance habitation',
  SCHOOL_INSURANCE: 'Assurance scolaire',
  NEW_FOR_OLD: 'Rééquipement à neuf',
};

export const DWELLING_TYPE: Record<string, string> = { HOUSE: 'Maison', APARTMENT: 'Appartement' };
export const OCCUPANCY: Record<string, string> = { OWNER: 'propriétaire', TENANT: 'locataire' };
export const RESIDENCE: Record<string, string> = { MAIN: 'résidence principale', SECONDARY: 'résidence secondaire' };
export const PAYMENT_FREQUENCY: Record<string, string> = { ANNUAL: 'annuel', MONTHLY: 'mensuel' };

export const SIGN_IN_OUTCOME: Record<string, string> = {
  SUCCESS: 'Connexion réussie',
  WRONG_PASSWORD: 'Mot de passe erroné',
  UNKNOWN_ACCOUNT: 'Compte inconnu',
  LOCKED: 'Compte verrouillé',
  NOT_ACTIVATED: 'Compte non activé',
  TWO_FACTOR_REQUIRED: 'Code de validation demandé',
  WRONG_SECOND_FACTOR: 'Code de validation erroné',
  RATE_LIMITED: 'Trop de tentatives',
};
