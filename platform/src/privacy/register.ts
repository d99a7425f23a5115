// The personal-data register: what each subgraph stores about people, why, on which legal basis, who receives it,
// how long it is kept and where it came from. Each subgraph declares its part next to its Prisma schema
// (prisma/<subgraph>/personal-data.ts); the privacy dashboard (`me.privacy`) is generated from it, and a test fails
// when a model gains a field the register does not classify, so the dashboard cannot silently fall behind the data.

/** Why Abri may process a category of data (RGPD article 6). */
export const LegalBasis = {
  /** Needed to perform the insurance contract or to take steps before it. */
  CONTRACT: 'CONTRACT',
  /** Required by law (Code des assurances, accounting, anti-money-laundering…). */
  LEGAL_OBLIGATION: 'LEGAL_OBLIGATION',
  /** The customer agreed, and may withdraw at any time. */
  CONSENT: 'CONSENT',
  /** Abri's legitimate interest (security of accounts, fraud prevention), balanced against the customer's. */
  LEGITIMATE_INTEREST: 'LEGITIMATE_INTEREST',
} as const;
export type LegalBasis = (typeof LegalBasis)[keyof typeof LegalBasis];

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  CONTRACT: 'Exécution du contrat',
  LEGAL_OBLIGATION: 'Obligation légale',
  CONSENT: 'Votre consentement',
  LEGITIMATE_INTEREST: 'Intérêt légitime',
};

/** Marks a field that holds nothing about a person (technical identifiers, counters, amounts of a price list). */
export const NOT_PERSONAL = 'not personal' as const;

/**
 * What an erasure request (RGPD article 17) does to a category: deleted at once, or kept until a legal term and only
 * for the reason given (then deleted by the owning subgraph's purge job). The one source of retention terms: the
 * erasure preview and the purge read it.
 */
export type ErasureRule =
  | { keep: false }
  | {
      keep: true;
      years: number;
      /** Where the term starts: the end of the contract, the closing of the claim, or the record's own date. */
      after: 'contractEnd' | 'claimClosed' | 'recorded';
      /** Why it must be kept, in French (the law or the interest). */
      reason: string;
    };

const AFTER_LABELS = {
  contractEnd: 'après la fin du contrat',
  claimClosed: 'après la clôture du sinistre',
  recorded: 'après son enregistrement',
} as const;

/** The rule in French: « Supprimées dès votre demande » or « Conservées 2 ans après la fin du contrat : <why> ». */
export function erasureLabel(rule: ErasureRule): string {
  if (!rule.keep) return 'Supprimées dès votre demande.';
  const term = rule.years === 1 ? '1 an' : `${rule.years} ans`;
  return `Conservées ${term} ${AFTER_LABELS[rule.after]}, puis supprimées : ${rule.reason}`;
}

/** One category of personal data, as the customer reads it in their dashboard (French, ready to show). */
export interface DataCategory {
  /** « Identité », « Historique de connexion »… */
  label: string;
  /** What it contains, in a sentence. */
  contains: string;
  purpose: string;
  legalBasis: LegalBasis;
  /** Who receives it besides Abri's own teams; empty when nobody does. */
  recipients: string[];
  /** The retention rule, as the customer reads it. */
  retention: string;
  /** Where the data came from. */
  source: string;
  /** What erasure does to it. @default deleted at once ({ keep: false }) */
  erasure?: ErasureRule;
  /** Whose data it is: the customer's (shown in their dashboard) or the staff's (register only). @default 'customer' */
  about?: 'customer' | 'staff';
}

/** Every scalar field of every model: the category key it belongs to, or NOT_PERSONAL. */
export type ModelFields<C extends string> = Record<string, Record<string, C | typeof NOT_PERSONAL>>;

export interface PersonalDataRegister<C extends string = string> {
  /** The subgraph (and Postgres schema) this part describes. */
  service: string;
  /** Title of its section in the dashboard. */
  title: string;
  categories: Record<C, DataCategory>;
  models: ModelFields<C>;
}

/** Declares a subgraph's part of the register; category keys used by `models` are checked by the compiler. */
export const definePersonalDataRegister = <C extends string>(register: PersonalDataRegister<C>) => register;

/** A category as the dashboard shows it, with the stored fields that hold it (`Model.field`). */
export interface RegisteredCategory extends DataCategory {
  key: string;
  fields: string[];
}

/** The customer-facing categories of a register part, in declaration order, each with its fields. */
export function customerCategories(register: PersonalDataRegister): RegisteredCategory[] {
  return Object.entries(register.categories as Record<string, DataCategory>)
    .filter(([, category]) => (category.about ?? 'customer') === 'customer')
    .map(([key, category]) => ({
      ...category,
      key,
      fields: Object.entries(register.models).flatMap(([model, fields]) =>
        Object.entries(fields)
          .filter(([, value]) => value === key)
          .map(([field]) => `${model}.${field}`),
      ),
    }));
}

/**
 * What the register and a Prisma data model disagree on: fields the register does not classify, fields it names that
 * no longer exist, and categories no field uses. Relations are not fields of their own (their rows are classified in
 * their model).
 */
export function registerGaps(
  register: PersonalDataRegister,
  models: Record<string, { fields: readonly { name: string; kind: string }[] }>,
): { unclassified: string[]; unknown: string[]; unusedCategories: string[] } {
  const unclassified: string[] = [];
  const unknown: string[] = [];
  const used = new Set<string>();
  for (const [model, { fields }] of Object.entries(models)) {
    const declared = register.models[model] ?? {};
    for (const field of fields) {
      if (field.kind === 'object') continue;
      const value = declared[field.name];
      if (value === undefined) unclassified.push(`${model}.${field.name}`);
      else if (value !== NOT_PERSONAL) used.add(value);
    }
  }
  for (const [model, fields] of Object.entries(register.models)) {
    const real = models[model]?.fields.filter((f) => f.kind !== 'object').map((f) => f.name) ?? [];
    for (const field of Object.keys(fields)) if (!real.includes(field)) unknown.push(`${model}.${field}`);
  }
  const unusedCategories = Object.keys(register.categories).filter((key) => !used.has(key));
  return { unclassified, unknown, unusedCategories };
}
