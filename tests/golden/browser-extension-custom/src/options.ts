// Entry point of the options page (options.html): fills the form from the settings and saves it.
// Reading and checking the fields is in options/form.ts, tested without a browser.
import { parseFields, toFields } from './options/form';
import { applyTheme, byId } from './pages/dom';
import { extensionApi } from './platform/extension-api';
import { createSettingsStore } from './settings/settings-store';

const store = createSettingsStore(extensionApi().storage);
const form = byId('form', HTMLFormElement);
const theme = byId('theme', HTMLSelectElement);
const ignoredSites = byId('ignored-sites', HTMLTextAreaElement);
const errors = { theme: byId('theme-error', HTMLParagraphElement), ignoredSites: byId('ignored-sites-error', HTMLParagraphElement) };
const status = byId('status', HTMLParagraphElement);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const result = parseFields({ theme: theme.value, ignoredSites: ignoredSites.value });
  errors.theme.textContent = result.ok ? '' : (result.errors.theme ?? '');
  errors.ignoredSites.textContent = result.ok ? '' : (result.errors.ignoredSites ?? '');
  if (!result.ok) return;
  store.update(result.patch).then(
    (settings) => {
      applyTheme(settings);
      ignoredSites.value = toFields(settings).ignoredSites;
      status.textContent = 'Saved.';
    },
    (error: unknown) => {
      status.textContent = `Could not save: ${error instanceof Error ? error.message : String(error)}`;
    },
  );
});

void store.load().then((settings) => {
  applyTheme(settings);
  const fields = toFields(settings);
  theme.value = fields.theme;
  ignoredSites.value = fields.ignoredSites;
});
