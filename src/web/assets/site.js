// Progressive enhancement only: every form works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Eye toggle: shows the typed password (mobile users: fonts and spaces are easy to get wrong).
  for (const button of document.querySelectorAll('[data-toggle-password]')) {
    const input = document.getElementById(button.dataset.togglePassword);
    if (!input) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      button.setAttribute('aria-pressed', String(show));
    });
  }

  // 「換下一個」 without reloading the page.
  for (const next of document.querySelectorAll('.captcha-next')) {
    next.addEventListener('click', async (event) => {
      event.preventDefault();
      const row = next.closest('.captcha-row');
      const res = await fetch('/captcha/new', { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const { id } = await res.json();
      row.querySelector('input[name="captcha_id"]').value = id;
      row.querySelector('.captcha-img').src = `/captcha/${id}.png`;
      const audio = row.querySelector('[data-audio]');
      audio.href = audio.href.replace(/\/captcha\/[^/.]+\.wav/, `/captcha/${id}.wav`);
      const input = row.querySelector('input[name="captcha"]');
      input.value = '';
      input.focus();
    });
  }

  // The speaker plays the digits in place instead of opening the file.
  for (const link of document.querySelectorAll('[data-audio]')) {
    link.setAttribute('role', 'button');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      new Audio(link.href).play().catch(() => (window.location.href = link.href));
    });
  }
});
