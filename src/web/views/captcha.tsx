import type { PageContext } from './page-context.ts';
import { SpeakerIcon } from './icons.tsx';

/** The 3-digit captcha: picture, 「換下一個」 (a plain submit without JavaScript) and the speaker. */
export function captchaField(p: PageContext, captchaId: string) {
  return (
    <div class="field captcha">
      <label for="captcha" safe>
        {p.t('captcha.label')}
      </label>
      <div class="captcha-row">
        <input id="captcha" name="captcha" inputmode="numeric" pattern="[0-9]{3}" maxlength="3" autocomplete="off" required aria-describedby="captcha-hint" />
        <img class="captcha-img" src={`/captcha/${captchaId}.png`} width="120" height="44" alt={p.t('captcha.image')} />
        <input type="hidden" name="captcha_id" value={captchaId} />
        <button type="submit" name="action" value="new_captcha" formnovalidate class="captcha-next" safe>
          {p.t('captcha.next')}
        </button>
        <a class="captcha-audio" href={`/captcha/${captchaId}.wav?lang=${p.lang}`} aria-label={p.t('captcha.audio')} title={p.t('captcha.audio')} data-audio>
          <SpeakerIcon />
        </a>
      </div>
      <small id="captcha-hint" safe>
        {p.t('captcha.hint')}
      </small>
    </div>
  );
}

/** Pressing Enter submits the form's first button: this keeps it the main action, not 「換下一個」. */
export function defaultSubmit(action: string) {
  return <button type="submit" name="action" value={action} class="implicit-submit" tabindex="-1" aria-hidden="true"></button>;
}
