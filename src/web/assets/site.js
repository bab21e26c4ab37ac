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

  // 聯絡我們: choosing another 問題分類 swaps the description template, unless the person wrote in it.
  for (const select of document.querySelectorAll('select[data-templates]')) {
    const area = document.getElementById(select.dataset.templates);
    if (!area) continue;
    let current = select.selectedOptions[0]?.dataset.template ?? '';
    select.addEventListener('change', () => {
      const next = select.selectedOptions[0]?.dataset.template ?? '';
      if (area.value.trim() === '' || area.value.trim() === current.trim()) area.value = next;
      current = next;
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

// 縣市 → 行政區 → 學制 → 學校 without reloading: each choice fills the next list.
document.addEventListener('DOMContentLoaded', () => {
  const cascade = document.querySelector('[data-cascade]');
  if (!cascade) return;
  const order = ['county', 'district', 'level', 'school'];
  const select = (name) => cascade.querySelector(`select[name="${name}"]`);
  cascade.querySelector('.cascade-refresh').hidden = true;
  const fill = async (name) => {
    const el = select(name);
    const params = new URLSearchParams(order.slice(0, order.indexOf(name)).map((n) => [n, select(n).value]));
    const res = await fetch(`/api/directory/${{ district: 'districts', level: 'levels', school: 'schools' }[name]}?${params}`);
    const items = res.ok ? await res.json() : [];
    el.length = 1;
    for (const { value, label } of items) el.add(new Option(label, value));
  };
  order.slice(0, 3).forEach((name, i) => {
    select(name).addEventListener('change', async () => {
      for (const later of order.slice(i + 1)) select(later).length = 1;
      if (select(name).value) await fill(order[i + 1]);
    });
  });
});

// 帳號: says whether the name is free while it is typed.
document.addEventListener('DOMContentLoaded', () => {
  const input = document.querySelector('[data-availability]');
  if (!input) return;
  const status = document.getElementById('username-status');
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (!input.value) return (status.textContent = '');
      const res = await fetch(`${input.dataset.availability}?name=${encodeURIComponent(input.value)}`);
      if (!res.ok) return;
      const { available, message } = await res.json();
      status.textContent = message;
      status.className = available ? 'status ok' : 'status bad';
    }, 300);
  });
});

// 「傳送驗證碼」 cooldown (忘記密碼, 啟用帳號): the page states the seconds; this counts them down and unlocks the button.
document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('[data-countdown]').forEach((note) => {
  const button = note.closest('form')?.querySelector('button[value="resend"]');
  let left = Number(note.dataset.countdown);
  const tick = setInterval(() => {
    left -= 1;
    if (left > 0) return void (note.textContent = note.textContent.replace(/\d+/, String(left)));
    clearInterval(tick);
    note.hidden = true;
    if (button) button.disabled = false;
  }, 1000);
}));

// 應用服務授權清單: the ticked names and how many, live (the confirm step shows the same without script).
document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('[data-grants-summary]').forEach((form) => {
  const summary = document.getElementById(form.dataset.grantsSummary);
  if (!summary) return;
  const update = () => {
    const names = [...form.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.dataset.name);
    summary.textContent = names.length ? summary.dataset.template.replace('{count}', String(names.length)).replace('{names}', names.join('、')) : summary.dataset.none;
  };
  form.addEventListener('change', update);
  update();
  summary.hidden = false;
}));
