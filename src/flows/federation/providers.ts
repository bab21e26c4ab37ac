// The views name the type by this path; the county method now defines it.
export type { CountyProvider } from '../../methods/county-providers.ts';
