// Kept for existing imports; the rules live in phone.ts and email.ts.
export { validateMobile } from './phone.ts';
export { validateEmail } from './email.ts';
