// The card payment service provider (PSP) behind one small interface: Abri keeps the provider's token of a card,
// never its number, and asks the provider to charge it. A payment counts only once the provider says it succeeded,
// in its answer or later when asked again over its authenticated API (after the customer's 3-D Secure step): never
// on the browser's word. A real provider's adapter implements this interface; the one here is the demo and test
// double, scripted by the card token or by the test.

/** The provider's view of one charge. */
export type PspCharge =
  | { pspReference: string; status: 'succeeded' }
  | { pspReference: string; status: 'failed'; failureCode: string }
  /** The cardholder must authenticate (3-D Secure) at `actionUrl` before the provider decides. */
  | { pspReference: string; status: 'requiresAction'; actionUrl: string };

export interface ChargeRequest {
  /** The provider's token of the saved card. */
  cardToken: string;
  amountCents: number;
  currency: 'EUR';
  /** Shown on the cardholder's statement. */
  description: string;
  /** The same key never charges twice, however often the request is sent (Abri's charge id). */
  idempotencyKey: string;
}

export interface PaymentServiceProvider {
  /** Asks for a charge; the provider answers with its decision, or that the cardholder must act first. */
  charge(request: ChargeRequest): Promise<PspCharge>;
  /** The charge as the provider knows it now. */
  retrieve(pspReference: string): Promise<PspCharge>;
}

/**
 * The demo provider, also the tests' double. A card whose token contains `declined` is refused (code
 * `card_declined`), one containing `3ds` needs the cardholder's authentication, which `authenticate` (the
 * cardholder on the provider's page) then grants or refuses; any other card is charged at once.
 */
export function createDemoPsp() {
  const charges = new Map<string, PspCharge>();
  const byKey = new Map<string, string>();
  const requests: ChargeRequest[] = [];
  let next = 0;
  return {
    requests,
    async charge(request: ChargeRequest): Promise<PspCharge> {
      requests.push(request);
      const known = byKey.get(request.idempotencyKey);
      if (known) return charges.get(known)!;
      const pspReference = `demo_ch_${++next}_${request.idempotencyKey.slice(0, 8)}`;
      const charge: PspCharge = request.cardToken.includes('declined')
        ? { pspReference, status: 'failed', failureCode: 'card_declined' }
        : request.cardToken.includes('3ds')
          ? { pspReference, status: 'requiresAction', actionUrl: `https://psp.demo.invalid/3ds/${pspReference}` }
          : { pspReference, status: 'succeeded' };
      charges.set(pspReference, charge);
      byKey.set(request.idempotencyKey, pspReference);
      return charge;
    },
    async retrieve(pspReference: string): Promise<PspCharge> {
      const charge = charges.get(pspReference);
      if (!charge) throw new Error('unknown charge');
      return charge;
    },
    /** The cardholder's answer on the provider's 3-D Secure page. */
    authenticate(pspReference: string, approved: boolean) {
      const charge = charges.get(pspReference);
      if (charge?.status !== 'requiresAction') throw new Error('no authentication pending for this charge');
      charges.set(
        pspReference,
        approved
          ? { pspReference, status: 'succeeded' }
          : { pspReference, status: 'failed', failureCode: 'authentication_failed' },
      );
    },
  } satisfies PaymentServiceProvider & Record<string, unknown>;
}
export type DemoPsp = ReturnType<typeof createDemoPsp>;
