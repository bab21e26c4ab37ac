// Passkeys (WebAuthn): 「新增通行金鑰」 on 雙因子認證綁定, 「使用通行金鑰登入」 on the login page, 「使用通行金鑰」 on the second-factor page.
// Loaded only on those pages; without this file (or without WebAuthn) their passkey parts stay hidden.
(() => {
  if (window.__passkeys) return; // the script tag may appear twice on one page
  window.__passkeys = true;

  const toBytes = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4)), (c) => c.charCodeAt(0));
  const toText = (buf) => (buf ? btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : undefined);
  const ids = (list) => (list || []).map((c) => ({ ...c, id: toBytes(c.id) }));

  const P = window.PublicKeyCredential;
  const creation = (o) =>
    P.parseCreationOptionsFromJSON ? P.parseCreationOptionsFromJSON(o) : { ...o, challenge: toBytes(o.challenge), user: { ...o.user, id: toBytes(o.user.id) }, excludeCredentials: ids(o.excludeCredentials) };
  const request = (o) => (P.parseRequestOptionsFromJSON ? P.parseRequestOptionsFromJSON(o) : { ...o, challenge: toBytes(o.challenge), allowCredentials: ids(o.allowCredentials) });
  const asJson = (cred) => {
    if (typeof cred.toJSON === 'function') return cred.toJSON();
    const r = cred.response;
    const response = r.attestationObject
      ? { clientDataJSON: toText(r.clientDataJSON), attestationObject: toText(r.attestationObject), transports: r.getTransports ? r.getTransports() : undefined }
      : { clientDataJSON: toText(r.clientDataJSON), authenticatorData: toText(r.authenticatorData), signature: toText(r.signature), userHandle: toText(r.userHandle) };
    return { id: cred.id, rawId: toText(cred.rawId), type: cred.type, response, clientExtensionResults: cred.getClientExtensionResults(), authenticatorAttachment: cred.authenticatorAttachment || undefined };
  };

  const post = async (url, body) => {
    const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.message || res.statusText);
    return data;
  };

  /** One ceremony: options from the server, the browser's prompt, the answer back; then where to go. */
  async function ceremony(box, button, optionsUrl, answerUrl, prompt, extra) {
    const error = box.querySelector('[data-passkey-error]');
    const say = (text, isError) => {
      error.textContent = text;
      error.hidden = !text;
      error.classList.toggle('error', Boolean(isError));
    };
    button.disabled = true;
    say(box.dataset.msgWorking, false);
    try {
      const options = await post(optionsUrl, { _csrf: box.dataset.csrf });
      let cred;
      try {
        cred = await prompt(options);
      } catch (err) {
        throw new Error(err && err.name === 'NotAllowedError' ? box.dataset.msgCancelled : (err && err.message) || box.dataset.msgCancelled);
      }
      const done = await post(answerUrl, { _csrf: box.dataset.csrf, response: asJson(cred), ...extra() });
      window.location.assign(done.redirect);
    } catch (err) {
      say(err.message, true);
      button.disabled = false;
      button.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const supported = Boolean(P && navigator.credentials);

    const add = document.querySelector('form[data-passkey-register]');
    if (add) {
      const note = document.querySelector('[data-passkey-unsupported]');
      if (!supported) {
        if (note) note.textContent = note.dataset.passkeyUnsupported;
      } else {
        if (note) note.hidden = true;
        add.hidden = false;
        const button = add.querySelector('button[type="submit"]');
        add.addEventListener('submit', (event) => {
          event.preventDefault();
          const url = add.dataset.passkeyRegister;
          ceremony(add, button, `${url}/options`, url, (o) => navigator.credentials.create({ publicKey: creation(o) }), () => ({ name: add.elements.name.value }));
        });
      }
    }

    // 「使用通行金鑰登入」 and 「使用通行金鑰」 (second factor): get an assertion for the box's options, post it.
    if (supported)
      for (const box of document.querySelectorAll('[data-passkey-login]')) {
        box.hidden = false;
        const button = box.querySelector('button');
        button.addEventListener('click', () =>
          ceremony(box, button, box.dataset.passkeyOptions, box.dataset.passkeyLogin, (o) => navigator.credentials.get({ publicKey: request(o) }), () => ({})),
        );
      }
  });
})();
