// The erasure preview's shared types (issue 15.5): users owns the `ErasurePreview` entity (`me.erasurePreview`);
// policies, claims and payments each add their section, computed from their own data and register
// (platform/src/privacy/erasure.ts), so the preview says beforehand, part by part, what is deleted at once, what is
// kept, until when and why, and what prevents the erasure.
import type { ObjectRef, SchemaTypes } from '@pothos/core';
import { forbidden } from '../errors.ts';
import { frenchDate } from '../french/format.ts';
import { canAccessCustomer, type Identity } from '../identity.ts';
import {
  type ErasureBlocker,
  ErasureBlockerKind,
  type ErasureItem,
  type ErasureSection,
  erasureBlockerMessage,
} from '../privacy/erasure.ts';

// biome-ignore lint/suspicious/noExplicitAny: the same fields on every subgraph's builder (see schema-types.ts)
type AnyBuilder = PothosSchemaTypes.SchemaBuilder<any>;

/** The preview entity: its key is the customer it is about. */
export interface ErasurePreviewShape {
  customerId: string;
}

const NBSP = '\u00a0';

/** The item in French: « Supprimées dès votre demande. » or « Conservées jusqu’au 1er mars 2031 : <why> ». */
export function erasureItemText(item: ErasureItem): string {
  if (!item.reason) return 'Supprimées dès votre demande.';
  const until = item.retainUntil ? `jusqu’au ${frenchDate(item.retainUntil)}` : 'jusqu’au terme légal';
  return `Conservées ${until}, puis supprimées${NBSP}: ${item.reason}`;
}

/** `ErasureBlockerKind`, `ErasureItem`, `ErasureBlocker` and `ErasureSection`, declared alike in every subgraph. */
export function erasureTypes<Types extends SchemaTypes>(typedBuilder: PothosSchemaTypes.SchemaBuilder<Types>) {
  const builder = typedBuilder as unknown as AnyBuilder;
  const Kind = builder.enumType('ErasureBlockerKind', {
    description: 'What prevents an erasure until the customer has dealt with it.',
    values: {
      CONTRACT_ACTIVE: { value: ErasureBlockerKind.CONTRACT_ACTIVE, description: 'A contract still runs.' },
      CLAIM_OPEN: { value: ErasureBlockerKind.CLAIM_OPEN, description: 'A claim is not closed yet.' },
      ARREARS: { value: ErasureBlockerKind.ARREARS, description: 'A premium is still owed.' },
    },
  });
  const Item = builder.objectRef<ErasureItem>('ErasureItem').implement({
    description: 'A category of personal data, and what an erasure does to it.',
    shareable: true,
    fields: (t) => ({
      key: t.string({ description: 'The category’s key in the register.', resolve: (i: ErasureItem) => i.key }),
      label: t.string({ description: '« Contrat », « Paiements »…', resolve: (i: ErasureItem) => i.label }),
      retainUntil: t.field({
        type: 'DateTime',
        nullable: true,
        description:
          'Until when it is kept (its last record); null when deleted at once, or when the term has not started yet.',
        resolve: (i: ErasureItem) => i.retainUntil,
      }),
      reason: t.string({
        nullable: true,
        description: 'Why it must be kept (the law), in French; null when deleted at once.',
        resolve: (i: ErasureItem) => i.reason,
      }),
      text: t.string({ description: 'What happens to it, in French.', resolve: erasureItemText }),
    }),
  });
  const Blocker = builder.objectRef<ErasureBlocker>('ErasureBlocker').implement({
    description: 'Something the customer must settle before their data can be erased.',
    shareable: true,
    fields: (t) => ({
      kind: t.field({ type: Kind, description: 'What it is.', resolve: (b: ErasureBlocker) => b.kind }),
      reference: t.string({
        description: 'The contract number or claim reference concerned.',
        resolve: (b: ErasureBlocker) => b.reference,
      }),
      message: t.string({ description: 'What to do, in French.', resolve: erasureBlockerMessage }),
    }),
  });
  const Section = builder.objectRef<ErasureSection>('ErasureSection').implement({
    description: 'One part of Abri: what an erasure deletes at once, what it keeps and until when, what prevents it.',
    shareable: true,
    fields: (t) => ({
      service: t.string({ description: 'The part of Abri that keeps it.', resolve: (s: ErasureSection) => s.service }),
      title: t.string({ description: 'Section title (« Vos contrats »).', resolve: (s: ErasureSection) => s.title }),
      deletedNow: t.field({
        type: [Item],
        description: 'Categories deleted (or pseudonymised) as soon as the erasure is carried out.',
        resolve: (s: ErasureSection) => s.deletedNow,
      }),
      kept: t.field({
        type: [Item],
        description: 'Categories the law keeps, each until its date, then deleted by the purge.',
        resolve: (s: ErasureSection) => s.kept,
      }),
      blockers: t.field({
        type: [Blocker],
        description: 'What prevents the erasure in this part (empty: nothing).',
        resolve: (s: ErasureSection) => s.blockers,
      }),
    }),
  });
  return { Kind, Item, Blocker, Section: Section as unknown as ObjectRef<Types, ErasureSection> };
}

/**
 * Adds this subgraph's section to the `ErasurePreview` entity owned by users, as field `field`. Only the customer
 * themself (or staff) may read it.
 */
export function contributeErasureSection<Types extends SchemaTypes, Ctx extends { who: Identity | null }>(
  typedBuilder: PothosSchemaTypes.SchemaBuilder<Types>,
  field: string,
  compute: (customerId: string, ctx: Ctx) => Promise<ErasureSection>,
) {
  const builder = typedBuilder as unknown as AnyBuilder;
  const { Section } = erasureTypes(typedBuilder);
  builder.externalRef('ErasurePreview', builder.selection<ErasurePreviewShape>('customerId')).implement({
    externalFields: (t) => ({ customerId: t.id() }),
    fields: (t) => ({
      [field]: t.field({
        type: Section,
        description: 'This part of Abri’s erasure preview.',
        resolve: (preview: ErasurePreviewShape, _args: unknown, ctx: Ctx) => {
          if (!canAccessCustomer(ctx.who, preview.customerId)) throw forbidden();
          return compute(preview.customerId, ctx);
        },
      }),
    }),
  });
}
