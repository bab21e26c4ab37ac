import type { Ctx } from '../../web/context.ts';

/**
 * The cookie that carries a flow's token. Path / so a county callback finds the registration it
 * belongs to; lax so the county's redirect back still carries it.
 */
export function flowCookie(name: string, secure: boolean) {
  const options = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', overwrite: true };
  return {
    name,
    get: (ctx: Ctx) => ctx.cookies.get(name),
    set: (ctx: Ctx, token: string) => void ctx.cookies.set(name, token, options),
    clear: (ctx: Ctx) => void ctx.cookies.set(name, null, options),
  };
}
export type FlowCookie = ReturnType<typeof flowCookie>;

export const REGISTRATION_COOKIE = 'edusso.reg';
export const FEDERATION_COOKIE = 'edusso.fed';
export const RECOVERY_COOKIE = 'edusso.rec';
