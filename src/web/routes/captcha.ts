import Router from '@koa/router';
import { captchaPng } from '../../security/captcha/image.ts';
import { captchaWav } from '../../security/captcha/audio.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { AppState } from '../context.ts';

/** The picture and the spoken digits of a live challenge; /captcha/new gives a fresh one to scripts. */
export function captchaRoutes(captcha: CaptchaService) {
  const router = new Router<AppState>();
  router.get('/captcha/new', async (ctx) => {
    ctx.body = { id: await captcha.issue() };
  });
  router.get('/captcha/:id.png', async (ctx) => {
    const digits = await captcha.peek(ctx.params.id!);
    if (!digits) return void (ctx.status = 404);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'image/png';
    ctx.body = captchaPng(digits);
  });
  router.get('/captcha/:id.wav', async (ctx) => {
    const digits = await captcha.peek(ctx.params.id!);
    if (!digits) return void (ctx.status = 404);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'audio/wav';
    ctx.body = captchaWav(digits, ctx.query.lang === 'en' ? 'en' : 'zh-TW');
  });
  return router;
}
