// The privacy dashboard's shared types: each subgraph shows its part of the personal-data register
// (platform/src/privacy/register.ts) as a `PrivacySection` on the `PrivacyDashboard` entity, which users owns (it
// hangs off `Customer.privacy`) and the three others extend with one field each, so `me.privacy` is federated and
// every section is generated from the register kept next to that subgraph's Prisma schema.
import type { ObjectRef, SchemaTypes } from '@pothos/core';
import { forbidden } from '../errors.ts';
import { canAccessCustomer, type Identity } from '../identity.ts';
import {
  customerCategories,
  erasureLabel,
  LEGAL_BASIS_LABELS,
  LegalBasis,
  type PersonalDataRegister,
  type RegisteredCategory,
} from '../privacy/register.ts';

// biome-ignore lint/suspicious/noExplicitAny: the same fields on every subgraph's builder (see schema-types.ts)
type AnyBuilder = PothosSchemaTypes.SchemaBuilder<any>;

/** The dashboard entity: its key is the customer it describes. */
export interface PrivacyDashboardShape {
  customerId: string;
}

export interface PrivacySectionShape {
  service: string;
  title: string;
  categories: RegisteredCategory[];
}

export const privacySection = (register: PersonalDataRegister): PrivacySectionShape => ({
  service: register.service,
  title: register.title,
  categories: customerCategories(register),
});

/** `LegalBasis`, `PersonalDataCategory` and `PrivacySection`, declared alike (shareable) in every subgraph. */
export function privacyTypes<Types extends SchemaTypes>(typedBuilder: PothosSchemaTypes.SchemaBuilder<Types>) {
  const builder = typedBuilder as unknown as AnyBuilder;
  const LegalBasisEnum = builder.enumType('LegalBasis', {
    description: 'Why Abri may process a category of personal data (RGPD article 6).',
    values: {
      CONTRACT: { value: LegalBasis.CONTRACT, description: 'Needed to perform the insurance contract.' },
      LEGAL_OBLIGATION: { value: LegalBasis.LEGAL_OBLIGATION, description: 'Required by law.' },
      CONSENT: { value: LegalBasis.CONSENT, description: 'The customer agreed and may withdraw.' },
      LEGITIMATE_INTEREST: {
        value: LegalBasis.LEGITIMATE_INTEREST,
        description: 'Abri’s legitimate interest (account security, fraud prevention).',
      },
    },
  });
  const Category = builder.objectRef<RegisteredCategory>('PersonalDataCategory').implement({
    description: 'A category of personal data Abri keeps, as the register describes it (French, ready to show).',
    shareable: true,
    fields: (t) => ({
      key: t.string({
        description: 'Stable key of the category within its section.',
        resolve: (c: RegisteredCategory) => c.key,
      }),
      label: t.string({
        description: '« Identité », « Historique de connexion »…',
        resolve: (c: RegisteredCategory) => c.label,
      }),
      contains: t.string({
        description: 'What it contains, in a sentence.',
        resolve: (c: RegisteredCategory) => c.contains,
      }),
      purpose: t.string({ description: 'Why Abri keeps it.', resolve: (c: RegisteredCategory) => c.purpose }),
      legalBasis: t.field({ type: LegalBasisEnum, resolve: (c: RegisteredCategory) => c.legalBasis }),
      legalBasisLabel: t.string({
        description: 'The legal basis in French.',
        resolve: (c: RegisteredCategory) => LEGAL_BASIS_LABELS[c.legalBasis],
      }),
      recipients: t.stringList({
        description: 'Who receives it besides Abri’s own teams (empty: nobody).',
        resolve: (c: RegisteredCategory) => c.recipients,
      }),
      retention: t.string({ description: 'How long it is kept.', resolve: (c: RegisteredCategory) => c.retention }),
      source: t.string({ description: 'Where it came from.', resolve: (c: RegisteredCategory) => c.source }),
      keptAfterErasure: t.boolean({
        description: 'The erasure preview: true when a legal term keeps it after an erasure request (see `onErasure`).',
        resolve: (c: RegisteredCategory) => c.erasure?.keep === true,
      }),
      onErasure: t.string({
        description: 'What an erasure request does to it, and until when and why it is kept, in French.',
        resolve: (c: RegisteredCategory) => erasureLabel(c.erasure ?? { keep: false }),
      }),
      storedIn: t.stringList({
        description: 'The stored fields that hold it (`Model.field`), for the curious and for audits.',
        resolve: (c: RegisteredCategory) => c.fields,
      }),
    }),
  }) as ObjectRef<SchemaTypes, RegisteredCategory>;
  const Section = builder.objectRef<PrivacySectionShape>('PrivacySection').implement({
    description: 'The personal data one part of Abri keeps, generated from its register.',
    shareable: true,
    fields: (t) => ({
      service: t.string({
        description: 'The part of Abri that keeps it.',
        resolve: (s: PrivacySectionShape) => s.service,
      }),
      title: t.string({
        description: 'Section title (« Vos sinistres »).',
        resolve: (s: PrivacySectionShape) => s.title,
      }),
      categories: t.field({ type: [Category], resolve: (s: PrivacySectionShape) => s.categories }),
    }),
  });
  return { LegalBasisEnum, Category, Section: Section as unknown as ObjectRef<Types, PrivacySectionShape> };
}

/**
 * Adds this subgraph's section to the `PrivacyDashboard` entity owned by users, as field `field`. Only the customer
 * themself (or staff) may read it, like any customer data.
 */
export function contributePrivacySection<Types extends SchemaTypes>(
  typedBuilder: PothosSchemaTypes.SchemaBuilder<Types>,
  register: PersonalDataRegister,
  field: string,
) {
  const builder = typedBuilder as unknown as AnyBuilder;
  const { Section } = privacyTypes(typedBuilder);
  const section = privacySection(register);
  builder.externalRef('PrivacyDashboard', builder.selection<PrivacyDashboardShape>('customerId')).implement({
    externalFields: (t) => ({ customerId: t.id() }),
    fields: (t) => ({
      [field]: t.field({
        type: Section,
        description: `${register.title}: the personal data the ${register.service} service keeps.`,
        resolve: (dashboard: PrivacyDashboardShape, _args: unknown, ctx: { who: Identity | null }) => {
          if (!canAccessCustomer(ctx.who, dashboard.customerId)) throw forbidden();
          return section;
        },
      }),
    }),
  });
}
