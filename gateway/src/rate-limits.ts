// How often each costly or messaging entry point may be called, per client address and per account (or per the
// contract number an anonymous request names), counted before the request reaches a subgraph. One customer once sent
// herself 50 SMS in one request, 45 simultaneous wrong passwords from one address were all checked, and nothing held
// `generateAttestation` or uploads to a rate. Every rule and its default is in ENTRY_LIMITS; a refusal is the typed
// error RATE_LIMITED with `extensions.retryAfter` (seconds) and HTTP 429 with Retry-After. Keys depend only on what
// the caller sent (address, token, argument), never on whether an account exists: a refusal tells nothing about it.
// The counts run in Redis in production (every replica agrees, atomically), in memory otherwise.

import { abriError, addressBucket, ErrorCode, type Identity, type RateLimiter, sha256 } from '@abri/platform';
import { NBSP } from '@abri/platform/french';
import {
  type DocumentNode,
  type FieldNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

const MINUTE = 60_000;
const TEN_MINUTES = 10 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whose count a rule keeps. */
export type RuleKey =
  /** the client address (behind configured proxies: the real client, see `clientAddress`) */
  | { by: 'address' }
  /** the signed-in caller (anonymous callers: their address) */
  | { by: 'caller' }
  /** an argument the request names (a contract number), trimmed and lower-cased, kept hashed */
  | { by: 'argument'; path: string };

export interface RateRule {
  key: RuleKey;
  /** Calls allowed per window. */
  max: number;
  windowMs: number;
}

const perAddress = (max: number, windowMs: number): RateRule => ({ key: { by: 'address' }, max, windowMs });
const perCaller = (max: number, windowMs: number): RateRule => ({ key: { by: 'caller' }, max, windowMs });
const perArgument = (path: string, max: number, windowMs: number): RateRule => ({
  key: { by: 'argument', path },
  max,
  windowMs,
});

/**
 * The rules, by root field. Sign-in has no per-account rule here on purpose: the account's own lock (5 failures) is
 * that limit, and a per-number rate anyone can exhaust would lock the owner out. Requests that send a message are
 * limited per contract number too, so nobody can flood a customer's phone or mailbox (the users subgraph also caps
 * messages per recipient and wrong SMS codes per account and day).
 */
export const ENTRY_LIMITS: Record<string, readonly RateRule[]> = {
  login: [perAddress(30, TEN_MINUTES)],
  staffLogin: [perAddress(30, TEN_MINUTES)],
  verifyTwoFactor: [perAddress(30, TEN_MINUTES)],
  refreshSession: [perAddress(300, TEN_MINUTES)],
  registerAccount: [perAddress(10, HOUR), perArgument('input.contractNumber', 5, DAY)],
  activateAccount: [perAddress(20, HOUR)],
  requestActivationLink: [perAddress(10, HOUR), perArgument('contractNumber', 3, HOUR)],
  requestPasswordReset: [
    perAddress(10, HOUR),
    perArgument('contractNumber', 3, HOUR),
    perArgument('contractNumber', 6, DAY),
  ],
  requestSmsCode: [perAddress(10, HOUR), perArgument('contractNumber', 3, HOUR), perArgument('contractNumber', 5, DAY)],
  resetPassword: [perAddress(20, HOUR)],
  resetPasswordWithSmsCode: [perAddress(20, HOUR), perArgument('contractNumber', 10, DAY)],
  reportUnrecognisedSignIn: [perAddress(20, HOUR)],
  // Sends an e-mail: per address asked for too (kept hashed), so nobody floods a mailbox from many addresses.
  recoverContractNumber: [perAddress(10, HOUR), perArgument('email', 3, HOUR), perArgument('email', 6, DAY)],
  chooseSmsSecondFactor: [perCaller(5, 15 * MINUTE)],
  acknowledgeSignIn: [perCaller(60, HOUR)],
  reportSignIn: [perCaller(10, HOUR)],
  changePassword: [perCaller(5, 15 * MINUTE), perAddress(30, HOUR)],
  startTwoFactorEnrolment: [perCaller(10, HOUR)],
  confirmTwoFactorEnrolment: [perCaller(10, 15 * MINUTE)],
  disableTwoFactor: [perCaller(5, 15 * MINUTE)],
  confirmIdentity: [perCaller(5, 15 * MINUTE)],
  updateProfile: [perCaller(30, HOUR)],
  requestEmailChange: [perCaller(5, HOUR), perAddress(20, HOUR)],
  confirmEmailChange: [perCaller(10, 15 * MINUTE)],
  confirmPhone: [perCaller(10, 15 * MINUTE)],
  verifyAttestation: [perAddress(60, MINUTE)],
  search: [perCaller(60, MINUTE)],
  generateAttestation: [perCaller(10, HOUR), perCaller(30, DAY)],
  issueLenderCertificate: [perCaller(10, HOUR), perCaller(30, DAY)],
  // Each new statement is rendered and sealed; an unchanged one is answered from the one already issued.
  requestClaimsStatement: [perCaller(10, HOUR), perCaller(30, DAY)],
  quotePolicyChange: [perCaller(60, HOUR)],
  applyPolicyChange: [perCaller(10, HOUR)],
  declareClaim: [perCaller(10, DAY)],
  addClaimAttachment: [perCaller(60, HOUR)],
  addSepaMandate: [perCaller(10, DAY)],
  addCard: [perCaller(10, DAY)],
};

/**
 * Fields of `me` that do what a root entry point does, counted with it: `me { search }` is the same search as
 * `search`, three subgraphs and an index built per call.
 */
const MIRRORED_UNDER_ME: ReadonlySet<string> = new Set(['search']);

/** Root fields of the operation, fragments inlined, each alias counted. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, into);
    else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, into);
    }
  }
  return into;
}

function argumentAt(field: FieldNode, path: string, variables: Record<string, unknown>): string | null {
  const [name, ...rest] = path.split('.');
  const node = field.arguments?.find((a) => a.name.value === name);
  let value: unknown = node ? valueFromASTUntyped(node.value, variables) : undefined;
  for (const step of rest)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return typeof value === 'string' ? value.trim().toLowerCase() : null;
}

/** « dans 12 minutes », « dans 3 heures », as a customer reads it. */
function inAWhile(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `dans ${minutes}${NBSP}minute${minutes > 1 ? 's' : ''}`;
  return `dans ${Math.ceil(minutes / 60)}${NBSP}heures`;
}

export interface RateCheck {
  document: DocumentNode;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
  who: Identity | null;
  ip: string | null;
}

/**
 * Counts the operation's calls against every rule they fall under (each alias counts) and returns the refusal when
 * one is over, else null. The calls are counted first and compared after, so concurrent requests cannot all slip
 * under the limit.
 */
export async function checkRates(
  limiter: RateLimiter,
  check: RateCheck,
  limits: Record<string, readonly RateRule[]> = ENTRY_LIMITS,
) {
  const operation = getOperationAST(check.document, check.operationName ?? undefined);
  if (!operation) return null;
  const variables = check.variables ?? {};
  const address = addressBucket(check.ip);
  const hits = new Map<string, { key: string; rule: RateRule; by: number }>();
  const counted = rootFields(operation.selectionSet, check.document).flatMap((field) => [
    { field, name: field.name.value },
    ...(field.name.value === 'me' && field.selectionSet
      ? rootFields(field.selectionSet, check.document)
          .filter((inner) => MIRRORED_UNDER_ME.has(inner.name.value))
          .map((inner) => ({ field: inner, name: inner.name.value }))
      : []),
  ]);
  for (const { field, name } of counted) {
    for (const [i, rule] of (limits[name] ?? []).entries()) {
      let subject: string | null;
      if (rule.key.by === 'address') subject = `ip:${address}`;
      else if (rule.key.by === 'caller') subject = check.who ? `who:${check.who.sub}` : `ip:${address}`;
      else {
        const value = argumentAt(field, rule.key.path, variables);
        // A missing argument fails validation later; personal values are never stored in clear.
        subject = value === null ? null : `arg:${sha256(value)}`;
      }
      if (subject === null) continue;
      const key = `gw:${name}:${i}:${subject}`;
      const hit = hits.get(key);
      if (hit) hit.by++;
      else hits.set(key, { key, rule, by: 1 });
    }
  }
  let retryAfterMs = 0;
  for (const { key, rule, by } of hits.values()) {
    const count = await limiter.hit(key, { by, windowMs: rule.windowMs });
    if (count > rule.max) retryAfterMs = Math.max(retryAfterMs, limiter.retryAfterMs(rule.windowMs));
  }
  if (!retryAfterMs) return null;
  const retryAfter = Math.ceil(retryAfterMs / 1000);
  return abriError(ErrorCode.RATE_LIMITED, `Trop de demandes${NBSP}: réessayez ${inAWhile(retryAfter)}.`, {
    retryAfter,
  });
}
