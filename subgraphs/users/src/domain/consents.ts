// Consents: what a customer may accept or refuse, and the current answer from the history of changes. Anything Abri
// sends that is not listed here is needed for the contract or the account's security and asks for no consent.

export const ConsentPurposes = {
  MARKETING_EMAIL: {
    label: 'Offres et actualités d’Abri par e-mail',
    description: 'Nos nouvelles garanties, conseils de prévention et offres, au plus une fois par mois.',
  },
  PARTNER_OFFERS: {
    label: 'Offres de nos partenaires',
    description: 'Des offres choisies de partenaires (artisans, sécurité du logement), envoyées par Abri.',
  },
  SIGN_IN_ALERT_SMS: {
    label: 'Alertes de connexion par SMS',
    description: 'Un SMS, en plus de l’e-mail, quand votre compte est ouvert depuis un nouvel appareil.',
  },
} as const;
export type ConsentPurpose = keyof typeof ConsentPurposes;
export const CONSENT_PURPOSES = Object.keys(ConsentPurposes) as ConsentPurpose[];

export interface ConsentChangeRow {
  purpose: ConsentPurpose;
  given: boolean;
  at: Date;
  device: string | null;
  seq: number;
}

export interface ConsentState {
  purpose: ConsentPurpose;
  given: boolean;
  /** The last change, null when the customer never answered (not given). */
  changedAt: Date | null;
  device: string | null;
  /** Every change, newest first. */
  history: ConsentChangeRow[];
}

/** Every purpose with its current answer: the newest change, or not given when there is none. */
export function consentStates(changes: readonly ConsentChangeRow[]): ConsentState[] {
  return CONSENT_PURPOSES.map((purpose) => {
    const history = changes.filter((c) => c.purpose === purpose).sort((a, b) => b.seq - a.seq);
    const last = history[0];
    return { purpose, given: last?.given ?? false, changedAt: last?.at ?? null, device: last?.device ?? null, history };
  });
}
