// The views name the type by this path; the port now defines it.
export type { LinkedIdentity } from '../../storage/ports.ts';
