// The views import the flow's types by this path; flow.ts defines them.
export { steps, type FieldErrors, type RegistrationState, type Step } from './flow.ts';
