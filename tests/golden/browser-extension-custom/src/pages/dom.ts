/**
 * What the extension's pages share: finding the elements their HTML declares, and showing the
 * settings. A page script that cannot find its element fails loudly instead of doing nothing.
 */
import type { Settings } from '../settings/settings';

/** The element with this id, which must be of this type (HTMLButtonElement, ...). */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`the page has no element #${id} of the type its script expects`);
  return element;
}

/** Follow the chosen theme; the pages' CSS reads data-theme. */
export function applyTheme(settings: Settings): void {
  document.documentElement.dataset.theme = settings.theme;
}

/** One line that says what the extension is doing, for pages that show it. */
export function describeSettings(settings: Settings): string {
  const state = settings.enabled ? 'On' : 'Off';
  const count = settings.ignoredSites.length;
  return count === 0 ? state : `${state}, except on ${count} site${count === 1 ? '' : 's'}`;
}
