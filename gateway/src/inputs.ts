// What every string a request carries must be, checked at the gateway before planning, whichever argument, input
// field or variable holds it: no NUL byte (PostgreSQL refuses it in text, which once answered "Internal error." on six
// inputs), well-formed UTF-16 (a lone surrogate cannot be stored or e-mailed), and bounded length. A refusal is
// BAD_USER_INPUT naming the argument, and nothing has been asked of any subgraph.

import { abriError, ErrorCode } from '@abri/platform';
import { type DocumentNode, type GraphQLError, Kind, visit } from 'graphql';

export const INPUT_LIMITS = {
  /** Characters in one string. */
  maxStringLength: 10_000,
  /** Arguments that carry a file (a claim attachment, base64): bounded by the body size instead (8 MiB). */
  fileArguments: ['contentBase64'],
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` cannot be taken, or null. */
function flaw(value: string, long: boolean): string | null {
  if (value.includes('\u0000')) return 'contient un caractère NUL';
  if (LONE_SURROGATE.test(value)) return 'n’est pas un texte UTF-16 valide';
  if (!long && value.length > INPUT_LIMITS.maxStringLength) return `dépasse ${INPUT_LIMITS.maxStringLength} caractères`;
  return null;
}

/** The first string in `value` (nested in lists and objects) with a flaw, with where it is. */
function firstFlaw(value: unknown, where: string, long: boolean): string | null {
  if (typeof value === 'string') {
    const found = flaw(value, long);
    return found ? `${where} ${found}` : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstFlaw(item, `${where}[${i}]`, long);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstFlaw(item, `${where}.${key}`, long);
      if (found) return found;
    }
  }
  return null;
}

/** What a document's own text says: the variables that feed a file argument, and the first flawed literal. */
interface DocumentInputs {
  fileVariables: ReadonlySet<string>;
  literalFlaw: string | null;
}
/** Read once per parsed document (Apollo hands the same one for the same text); facts about the text only. */
const read = new WeakMap<DocumentNode, DocumentInputs>();

function documentInputs(document: DocumentNode): DocumentInputs {
  const known = read.get(document);
  if (known) return known;
  // Variables that feed a file argument may be long; every other string is bounded.
  const fileVariables = new Set<string>();
  let literalFlaw: string | null = null;
  visit(document, {
    Argument(node) {
      if ((INPUT_LIMITS.fileArguments as readonly string[]).includes(node.name.value)) {
        if (node.value.kind === Kind.VARIABLE) fileVariables.add(node.value.name.value);
        return false; // its literal, if any, is long by nature
      }
      return undefined;
    },
    StringValue(node) {
      literalFlaw ??= flaw(node.value, false) && `Un argument texte ${flaw(node.value, false)}`;
    },
  });
  const found = { fileVariables, literalFlaw };
  read.set(document, found);
  return found;
}

/** The refusal for the first flawed string in the document's literals or the variables; null when all are fine. */
export function checkInputs(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const { fileVariables, literalFlaw } = documentInputs(document);
  let found = literalFlaw;
  if (!found && variables)
    for (const name of Object.keys(variables)) {
      found = firstFlaw(variables[name], `$${name}`, fileVariables.has(name));
      if (found) break;
    }
  return found ? abriError(ErrorCode.BAD_USER_INPUT, `${found}.`, { limit: 'input' }) : null;
}
