/** How a person proved who they are (SPEC 捌.2, 玖 show it). */
export type SignInMethod = 'password' | 'county' | 'two-factor' | 'passkey';

/** RFC 8176 names, as applications see them in the ID token's `amr`. */
const AMR: Record<SignInMethod, string> = { password: 'pwd', county: 'fed', 'two-factor': 'otp', passkey: 'hwk' };

export function toAmr(methods: readonly SignInMethod[]): string[] {
  const amr = methods.map((m) => AMR[m]);
  return methods.length > 1 ? [...amr, 'mfa'] : amr;
}

export function fromAmr(amr: readonly string[] | undefined): SignInMethod[] {
  const byName = new Map(Object.entries(AMR).map(([m, a]) => [a, m as SignInMethod]));
  return (amr ?? []).flatMap((a) => byName.get(a) ?? []);
}

/** The method a sign-in record names: the strongest one used (a second factor over the first). */
export function strongestMethod(methods: readonly SignInMethod[]): SignInMethod | undefined {
  const order: SignInMethod[] = ['passkey', 'two-factor', 'county', 'password'];
  return order.find((m) => methods.includes(m));
}
