// Rectification (issue 15.3): users owns the profile and announces every change of it on one topic, to the
// customer's devices and to the subgraphs that keep their own copy of what it says. Policies keeps the holder's name
// on each contract (printed on the documents it issues) and passes it on in its terms to claims and payments, so a
// corrected name reaches every document issued afterwards; documents issued before stay as they were issued.
import type { Events, PayloadOf } from '../events/catalog.ts';

/** What a `users.profileChanged` event carries (`Events.profileChanged`). */
export type ProfileChangedPayload = PayloadOf<typeof Events.profileChanged>;

/** The holder's name as contracts and documents print it. */
export const holderNameOf = (name: { firstName: string; lastName: string }) =>
  `${name.firstName} ${name.lastName}`.trim();
