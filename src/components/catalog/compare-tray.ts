/**
 * The catalog's compare tray: once a row is ticked it stays at the bottom of the viewport with the
 * chosen models' names (each with a button to remove it) and the button that opens the comparison.
 * It sits in the page before the table, so Tab reaches it from the search box without crossing the
 * table. Ticks are kept by id, so rows the filter hides stay chosen.
 */
import { compareUrl, MAX_COMPARE, MIN_COMPARE } from '../../lib/compare/compare-url.ts';

const BOX = 'input[type="checkbox"][name="compare"]';

export function startCompareTray(form: HTMLFormElement, tray: HTMLElement): void {
  const chosen = new Map<string, string>();
  const list = tray.querySelector<HTMLElement>('[data-tray-names]')!;
  const status = tray.querySelector<HTMLElement>('[data-tray-status]')!;
  const go = tray.querySelector<HTMLButtonElement>('[data-tray-compare]')!;
  const clear = tray.querySelector<HTMLButtonElement>('[data-tray-clear]')!;
  for (const fallback of form.querySelectorAll<HTMLElement>('[data-compare-fallback]')) fallback.hidden = true;

  const boxFor = (id: string) => [...form.querySelectorAll<HTMLInputElement>(BOX)].find((b) => b.value === id);
  const show = (message = '') => {
    const n = chosen.size;
    tray.hidden = n === 0 && message === '';
    document.body.classList.toggle('has-compare-tray', !tray.hidden);
    status.textContent = message || (n < MIN_COMPARE ? `${n} chosen: tick at least ${MIN_COMPARE - n} more to compare.` : `${n} of at most ${MAX_COMPARE} chosen.`);
    go.disabled = n < MIN_COMPARE;
    go.textContent = `Compare ${n} model${n === 1 ? '' : 's'}`;
    list.replaceChildren(
      ...[...chosen].map(([id, name]) => {
        const item = document.createElement('li');
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'secondary';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `Remove ${name}`);
        remove.addEventListener('click', () => {
          chosen.delete(id);
          const box = boxFor(id);
          if (box) box.checked = false;
          show();
        });
        item.append(`${name} `, remove);
        return item;
      }),
    );
  };

  form.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches(BOX)) return;
    if (!box.checked) {
      chosen.delete(box.value);
      return show();
    }
    if (chosen.size >= MAX_COMPARE) {
      box.checked = false;
      return show(`Up to ${MAX_COMPARE} models can be compared; remove one to choose another.`);
    }
    chosen.set(box.value, box.closest('tr')?.querySelector('th a')?.textContent ?? box.value);
    show();
  });
  go.addEventListener('click', () => window.location.assign(compareUrl([...chosen.keys()])));
  clear.addEventListener('click', () => {
    for (const id of chosen.keys()) {
      const box = boxFor(id);
      if (box) box.checked = false;
    }
    chosen.clear();
    show();
  });
  // Back and forward restore ticks through the page cache: start from what is ticked.
  for (const box of form.querySelectorAll<HTMLInputElement>(`${BOX}:checked`)) chosen.set(box.value, box.closest('tr')?.querySelector('th a')?.textContent ?? box.value);
  show();
}
