// Entry point of the content script (manifest.json: content.js after the build).
import { applySettings } from './content/links';
import { extensionApi } from './platform/extension-api';
import { createSettingsStore } from './settings/settings-store';
import type { Settings } from './settings/settings';

const store = createSettingsStore(extensionApi().storage);
let settings: Settings | undefined;

function apply(): void {
  if (settings) applySettings(document, location.href, settings);
}

// Re-apply when the settings change in another context (popup, options) and when the page adds
// links; applySettings is idempotent, so running it again is always safe.
store.subscribe((next) => {
  settings = next;
  apply();
});
new MutationObserver(apply).observe(document.body, { childList: true, subtree: true });
void store.load().then((loaded) => {
  settings = loaded;
  apply();
});
