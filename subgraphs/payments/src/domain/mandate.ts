// SEPA mandate reference (RUM, « référence unique de mandat »). The EPC rulebook allows at most 35 characters from
// a restricted set and the reference must be unique per creditor: the customer number, the signing date and a
// per-customer sequence make it unique without a database round trip, and readable on a bank statement.

const PREFIX = 'ABRI';
const MAX_LENGTH = 35;
/** EPC restricted character set, upper case only: some banks reject lower case in mandate references. */
const ALLOWED = /^[A-Z0-9+?/:().,' -]+$/;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Calendar date as yyyymmdd, in UTC like every date the payments domain stores. */
function compactDate(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}`;
}

export function isValidMandateReference(reference: string): boolean {
  return (
    reference.length > 0 &&
    reference.length <= MAX_LENGTH &&
    ALLOWED.test(reference) &&
    // The EPC forbids a leading or trailing slash and a double slash, which clearing systems use as separators.
    !reference.startsWith('/') &&
    !reference.endsWith('/') &&
    !reference.includes('//') &&
    // Leading or trailing spaces are lost by some bank systems, making two references look equal.
    reference.trim() === reference
  );
}

/**
 * The customer's part of a reference: the last 16 hex digits of the customer id (a UUID), the most that fits in 35
 * characters. Not its first digits: ids that share a prefix (the demo's hand-numbered customers) would then make
 * the same reference when both sign their first mandate on the same day.
 */
export const mandateCustomerPart = (customerId: string) => customerId.replace(/-/g, '').slice(-16).toUpperCase();

/**
 * `ABRI-<customer>-<yyyymmdd>-<seq>`, e.g. `ABRI-AB12CD34-20260315-001`. Throws a RangeError when the inputs cannot
 * make a valid reference: that is a programming error, not a customer mistake.
 */
export function mandateReference(customerNumber: string, sequence: number, signedOn: Date): string {
  const customer = customerNumber.trim().toUpperCase();
  if (!/^[A-Z0-9]+$/.test(customer)) throw new RangeError('customer number must be letters and digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  if (Number.isNaN(signedOn.getTime())) throw new RangeError('invalid signing date');
  const reference = `${PREFIX}-${customer}-${compactDate(signedOn)}-${pad(sequence, 3)}`;
  if (!isValidMandateReference(reference)) throw new RangeError(`mandate reference too long: ${reference}`);
  return reference;
}
