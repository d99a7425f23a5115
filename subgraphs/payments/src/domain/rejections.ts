// SEPA direct-debit R-transactions (ISO 20022 reason codes, EPC guidance) explained in plain French, with what the
// customer can do next. Whether a retry makes sense depends on the cause: a closed account or a revoked mandate will
// be rejected again, insufficient funds may not be.

export type RejectionSuggestion = 'PAY_BY_CARD' | 'RETRY' | 'SWITCH_METHOD';

export interface RejectionExplanation {
  code: string;
  /** Short French label for back-office screens and the payment history. */
  label: string;
  /** What happened and what to do, addressed to the customer. */
  customerMessage: string;
  canRetry: boolean;
  suggestions: RejectionSuggestion[];
}

type Entry = Omit<RejectionExplanation, 'code'>;

// Account-side problems: the debit will fail again on the same account.
const ACCOUNT_GONE: Pick<Entry, 'canRetry' | 'suggestions'> = {
  canRetry: false,
  suggestions: ['PAY_BY_CARD', 'SWITCH_METHOD'],
};
// Transient problems: the same debit may go through later.
const TRANSIENT: Pick<Entry, 'canRetry' | 'suggestions'> = {
  canRetry: true,
  suggestions: ['RETRY', 'PAY_BY_CARD'],
};

const REASONS: Readonly<Record<string, Entry>> = {
  AC01: {
    label: 'Coordonnées bancaires incorrectes',
    customerMessage:
      "Votre banque n'a pas reconnu le compte indiqué : l'IBAN est sans doute incorrect. Vérifiez-le ou payez par carte.",
    ...ACCOUNT_GONE,
  },
  AC04: {
    label: 'Compte clôturé',
    customerMessage:
      'Le compte sur lequel nous prélevons a été clôturé. Payez par carte dès maintenant et indiquez-nous un nouveau compte.',
    ...ACCOUNT_GONE,
  },
  AC06: {
    label: 'Compte bloqué',
    customerMessage:
      'Votre banque a bloqué le compte ou refuse les prélèvements sur celui-ci. Contactez-la, ou payez par carte en attendant.',
    ...ACCOUNT_GONE,
  },
  AG01: {
    label: 'Prélèvement interdit sur ce compte',
    customerMessage:
      "Ce type de compte (par exemple un livret d'épargne) n'accepte pas les prélèvements. Indiquez un compte courant ou payez par carte.",
    ...ACCOUNT_GONE,
  },
  AG02: {
    label: 'Opération invalide',
    customerMessage:
      'Votre banque a refusé le prélèvement pour une raison technique. Nous allons le présenter à nouveau ; vous pouvez aussi payer par carte.',
    ...TRANSIENT,
  },
  AM04: {
    label: 'Provision insuffisante',
    customerMessage:
      'Le solde de votre compte était insuffisant le jour du prélèvement. Nous pouvons le présenter à nouveau, ou vous pouvez payer par carte tout de suite.',
    ...TRANSIENT,
  },
  AM05: {
    label: 'Prélèvement en double',
    customerMessage:
      "Votre banque a cru à un prélèvement en double et l'a refusé. Nous vérifions ; vous n'avez rien à faire pour le moment.",
    canRetry: false,
    suggestions: [],
  },
  BE05: {
    label: 'Créancier non reconnu',
    customerMessage:
      "Votre banque ne reconnaît pas Abri comme créancier autorisé. Vérifiez auprès d'elle qu'aucune opposition n'est en place, ou payez par carte.",
    ...ACCOUNT_GONE,
  },
  FF01: {
    label: 'Format invalide',
    customerMessage:
      'Le prélèvement a été refusé pour une erreur technique de notre côté. Nous le corrigeons et le présentons à nouveau.',
    ...TRANSIENT,
  },
  MD01: {
    label: 'Absence de mandat',
    customerMessage:
      "Votre banque n'a pas trouvé de mandat de prélèvement valide pour Abri. Signez un nouveau mandat ou payez par carte.",
    ...ACCOUNT_GONE,
  },
  MD02: {
    label: 'Mandat incomplet',
    customerMessage:
      'Des informations manquent dans votre mandat de prélèvement. Signez un nouveau mandat ou payez par carte.',
    ...ACCOUNT_GONE,
  },
  MD06: {
    label: 'Remboursement demandé',
    customerMessage:
      'Vous avez demandé à votre banque le remboursement de ce prélèvement. La cotisation reste due : payez-la par carte ou contactez-nous en cas de désaccord.',
    canRetry: false,
    suggestions: ['PAY_BY_CARD'],
  },
  MD07: {
    label: 'Titulaire du compte décédé',
    customerMessage:
      'Votre banque nous signale le décès du titulaire du compte. Nous vous présentons nos condoléances ; un conseiller vous contactera.',
    canRetry: false,
    suggestions: ['SWITCH_METHOD'],
  },
  MS02: {
    label: 'Refus du titulaire',
    customerMessage:
      'Le prélèvement a été refusé à votre demande auprès de votre banque. La cotisation reste due : payez-la par carte ou choisissez un autre moyen de paiement.',
    canRetry: false,
    suggestions: ['PAY_BY_CARD', 'SWITCH_METHOD'],
  },
  MS03: {
    label: 'Refus de la banque',
    customerMessage:
      "Votre banque a refusé le prélèvement sans en préciser la raison. Renseignez-vous auprès d'elle ; en attendant, vous pouvez payer par carte.",
    ...TRANSIENT,
  },
  RC01: {
    label: 'Code banque invalide',
    customerMessage:
      "Le code BIC de votre banque n'est pas reconnu. Vérifiez vos coordonnées bancaires ou payez par carte.",
    ...ACCOUNT_GONE,
  },
  RR01: {
    label: 'Informations réglementaires manquantes',
    customerMessage:
      'Votre banque demande des informations complémentaires sur le titulaire du compte. Nous les complétons et présentons à nouveau le prélèvement.',
    ...TRANSIENT,
  },
  SL01: {
    label: 'Opposition de la banque',
    customerMessage:
      "Votre compte refuse les prélèvements d'Abri (liste de créanciers bloqués ou autorisés). Modifiez ce réglage auprès de votre banque ou payez par carte.",
    ...ACCOUNT_GONE,
  },
};

const UNKNOWN: Entry = {
  label: 'Prélèvement rejeté',
  customerMessage:
    'Votre banque a rejeté le prélèvement. Vous pouvez payer par carte dès maintenant ou nous contacter pour en savoir plus.',
  canRetry: false,
  suggestions: ['PAY_BY_CARD', 'SWITCH_METHOD'],
};

export const KNOWN_REJECTION_CODES: readonly string[] = Object.keys(REASONS);

/** Explanation for a reason code (case and spaces ignored); an unknown code gets a generic, cautious one. */
export function explainRejection(code: string): RejectionExplanation {
  const normalised = code.trim().toUpperCase();
  const entry = REASONS[normalised] ?? UNKNOWN;
  return { code: normalised, ...entry, suggestions: [...entry.suggestions] };
}
