// Claim forms as data: the questions per claim type, and the server-side check of a declaration against them.

export { claimForm } from './claim-form.ts';
export * from './types.ts';
export { validateAgainstForm, validateAnswers } from './validate.ts';
