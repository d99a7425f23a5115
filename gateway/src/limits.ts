// What one operation may ask of the system, checked at the gateway before anything is planned or fetched, for HTTP
// and WebSocket alike. A 400-byte query nested a dozen times once asked for 177,147 documents; a thousand aliases of
// one field cost seconds of CPU; twenty aliased `generateAttestation` issued twenty PDFs. Every limit is here, with
// its default; a refusal is the typed error OPERATION_LIMIT naming the limit, computed without touching a subgraph.

import { abriError, ErrorCode, type Identity, isStaff } from '@abri/platform';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  getNullableType,
  isLeafType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  validate,
  visit,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

export const LIMITS = {
  /** Lexical tokens in a document (graphql-js stops parsing past it). */
  maxTokens: 2_000,
  /** Nesting of selections, fragments flattened. */
  maxDepth: 10,
  /** Aliases in one operation. */
  maxAliases: 15,
  /** Directives in one operation. */
  maxDirectives: 10,
  /** Estimated cost (see `cost` below): about the number of objects the answer may hold. */
  maxCost: 3_000,
  /** Assumed length of a list the schema gives no `first:` for and LIST_SIZES does not know. */
  defaultListSize: 20,
} as const;

/** What one WebSocket, and one session's sockets, may hold. */
export const SOCKET_LIMITS = {
  /** Operations running at once on one socket. */
  operationsPerSocket: 20,
  /** Sockets open at once for one session (one device rarely needs more than two). */
  socketsPerSession: 10,
  /** An anonymous socket running nothing is closed after this long. */
  anonymousIdleMs: 30_000,
  /** Messages a socket may send in one second (a burst over it closes the socket). */
  messagesPerSecond: 30,
} as const;

/** Close code for a socket over one of SOCKET_LIMITS (4xxx: the application's own range). */
export const TOO_MANY = 4429;

/** Expected longest length of lists without a `first:` argument (what a customer's file holds at most). */
export const LIST_SIZES: Record<string, number> = {
  'Customer.policies': 5,
  'Customer.claims': 30,
  'Customer.documents': 50,
  'Customer.paymentSchedule': 12,
  'Customer.paymentMethods': 10,
  'Customer.arrears': 10,
  'Customer.sessions': 20,
  'Policy.documents': 30,
  'Policy.guarantees': 15,
  'Policy.options': 10,
  'Policy.versions': 20,
  'Policy.premiumLines': 15,
  'Claim.history': 20,
  'Claim.attachments': 20,
  'Query.claimAudit': 50,
};

/** Fields that cost more than the objects they return: added once per occurrence, on top of their objects. */
export const FIELD_WEIGHTS: Record<string, number> = {
  'Query.search': 100,
  'Customer.search': 100,
  'Query.verifyAttestation': 50,
  'Mutation.generateAttestation': 500,
  'Mutation.issueLenderCertificate': 500,
  'Mutation.quotePolicyChange': 100,
  'Mutation.applyPolicyChange': 500,
  'Mutation.declareClaim': 200,
  'Mutation.addClaimAttachment': 200,
};

/** Every field costs 1 (leaves 0), plus its weight; a list multiplies what is under it by its length. */
function estimate({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const name = `${type.name}.${field.name}`;
  const own = (FIELD_WEIGHTS[name] ?? 0) + (isLeafType(getNullableType(field.type)) ? 0 : 1);
  if (!isListType(getNullableType(field.type))) return own + childComplexity;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : null;
  const size = first ?? LIST_SIZES[name] ?? LIMITS.defaultListSize;
  return own + size * childComplexity;
}

/** A mutation field asked twice in one operation (by aliases): each sends, issues or checks a secret, so once. */
const mutationFieldsOnce: ValidationRule = (context) => ({
  OperationDefinition(operation: OperationDefinitionNode) {
    if (operation.operation !== 'mutation') return;
    const seen = new Set<string>();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      if (seen.has(selection.name.value))
        context.reportError(
          abriError(
            ErrorCode.OPERATION_LIMIT,
            `« ${selection.name.value} » ne peut figurer qu’une fois par opération.`,
            {
              limit: 'mutationOnce',
            },
          ),
        );
      seen.add(selection.name.value);
    }
  },
});

const refusal = (limit: string) => (message: string) => abriError(ErrorCode.OPERATION_LIMIT, message, { limit });
// graphql-armor throws when it propagates a rejection: report it on the validation context instead, so every broken
// limit comes back from `validate` like any validation error.
const armor = {
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};
const RULES: readonly ValidationRule[] = [
  maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true, ...armor }),
  maxAliasesRule({ n: LIMITS.maxAliases, ...armor }),
  maxDirectivesRule({ n: LIMITS.maxDirectives, ...armor }),
  mutationFieldsOnce,
];
const LIMIT_OF = [
  [/depth/i, 'depth', `Opération trop imbriquée : au plus ${LIMITS.maxDepth} niveaux.`],
  [/alias/i, 'aliases', `Trop d’alias dans l’opération : au plus ${LIMITS.maxAliases}.`],
  [/directive/i, 'directives', `Trop de directives dans l’opération : au plus ${LIMITS.maxDirectives}.`],
] as const;

/**
 * Whether every operation of the document selects introspection and nothing else at its root (`__schema`, `__type`,
 * `__typename`, through fragments too): only such a document is spared the depth and cost limits. A data field beside
 * an introspection field is held to every limit.
 */
function onlyIntrospection(document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const meta = (set: SelectionSetNode, seen: ReadonlySet<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
      if (selection.kind === Kind.INLINE_FRAGMENT) return meta(selection.selectionSet, seen);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      return seen.has(name) || (!!fragment && meta(fragment.selectionSet, new Set([...seen, name])));
    });
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length > 0 && operations.every((operation) => meta(operation.selectionSet, new Set()));
}

/**
 * Whether the document selects `__schema` or `__type` anywhere (fragments included). Read from the syntax tree, not
 * the text: a string argument holding "__schema" must not exempt a query from the depth and cost limits.
 */
function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export interface LimitCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown> | null | undefined;
  operationName?: string | null | undefined;
  who: Identity | null;
  /** Who may read the schema by introspection. @default 'everyone' */
  introspection?: 'everyone' | 'staff';
}

/**
 * What the limits make of a document alone: whether it introspects, the limits its syntax breaks, and its cost for
 * each operation name and values of the variables the cost depends on. Apollo Server hands the same parsed document
 * for the same text, so a repeated operation (every dashboard load, every claim move) is checked once; these are
 * facts about the text, never an answer, and go with the document when Apollo's document cache drops it.
 */
interface DocumentLimits {
  introspecting: boolean;
  /** Introspection only: spared the depth and cost limits. */
  schemaOnly: boolean;
  broken: readonly GraphQLError[];
  /**
   * The variables the cost depends on: those inside a `first:` argument (the only one `estimate` reads) or the
   * condition of `@include`/`@skip`. The others (a claim's id, a move's note) leave the cost as it is.
   */
  costVariables: readonly string[];
  /** Cost by operation name (`''`: the only one) and the values of `costVariables`; at most MAX_COSTS entries. */
  costs: Map<string, number>;
}
/** Costs kept per document: one per operation for most, a few page sizes for a paginated one. */
const MAX_COSTS = 32;

function variablesOfCost(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(document, {
    Argument(argument, _key, parent) {
      const inDirective = (parent as { kind?: Kind } | undefined)?.kind === Kind.DIRECTIVE;
      if (argument.name.value === 'first' && !inDirective) collect(argument.value);
    },
    Directive(directive) {
      if (directive.name.value === 'include' || directive.name.value === 'skip')
        for (const argument of directive.arguments ?? []) collect(argument.value);
    },
  });
  return [...names].sort();
}
const checked = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentLimits>>();

function documentLimits(schema: GraphQLSchema, document: DocumentNode): DocumentLimits {
  let bySchema = checked.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    checked.set(schema, bySchema);
  }
  let known = bySchema.get(document);
  if (known) return known;
  const introspecting = asksIntrospection(document);
  // GraphiQL's introspection query nests `ofType` deeper than any data query: once allowed, a document that only
  // introspects is held to the token, alias and directive limits only (its answer is the schema's size, whoever
  // asks). One that also asks for data is held to them all: `__type` beside a query did switch them off.
  const schemaOnly = introspecting && onlyIntrospection(document);
  const rules = schemaOnly ? RULES.slice(1) : RULES;
  const broken = validate(schema, document, rules).map((error) => {
    if (error.extensions.code === ErrorCode.OPERATION_LIMIT) return error;
    const [, limit, message] = LIMIT_OF.find(([pattern]) => pattern.test(error.message)) ?? [
      null,
      'operation',
      'Opération refusée : elle dépasse une limite de la passerelle.',
    ];
    return refusal(limit)(message);
  });
  known = { introspecting, schemaOnly, broken, costVariables: variablesOfCost(document), costs: new Map() };
  bySchema.set(document, known);
  return known;
}

/** The limits the operation breaks, as typed errors; empty when it may run. Cheap: no subgraph is asked. */
export function checkLimits(check: LimitCheck): GraphQLError[] {
  const known = documentLimits(check.schema, check.document);
  if (known.introspecting && check.introspection === 'staff' && !isStaff(check.who))
    return [
      abriError(ErrorCode.FORBIDDEN, 'Le schéma n’est décrit qu’au personnel d’Abri.', { limit: 'introspection' }),
    ];
  if (known.broken.length || known.schemaOnly) return [...known.broken];
  // The cost depends on the variables of `first:` and of `@include`/`@skip` only: kept by their values.
  const costKey = JSON.stringify([
    check.operationName ?? '',
    // [value] when sent, [] when left to the operation's default: the two may cost differently.
    ...known.costVariables.map((name) =>
      check.variables && Object.hasOwn(check.variables, name) ? [check.variables[name]] : [],
    ),
  ]);
  let cost = known.costs.get(costKey);
  if (cost === undefined) {
    try {
      cost = getComplexity({
        schema: check.schema,
        query: check.document,
        variables: (check.variables ?? {}) as Record<string, unknown>,
        ...(check.operationName ? { operationName: check.operationName } : {}),
        estimators: [estimate],
      });
    } catch {
      // Variables that do not fit the operation: validation proper says so next, with a clearer message.
      return [];
    }
    // An operation name the document does not define is not kept: the names kept are the document's own.
    const named =
      !check.operationName ||
      check.document.definitions.some(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === check.operationName,
      );
    if (named && known.costs.size < MAX_COSTS) known.costs.set(costKey, cost);
  }
  return cost > LIMITS.maxCost
    ? [
        refusal('cost')(
          `Opération trop coûteuse (${cost} pour une limite de ${LIMITS.maxCost}) : demandez moins d’éléments.`,
        ),
      ]
    : [];
}
