// Entry point of the popup (popup.html): shows popupView(state) and saves the on/off toggle.
// The logic is in popup/state.ts, tested without a browser; this file only wires it to the page.
import { applyTheme, byId } from './pages/dom';
import { extensionApi } from './platform/extension-api';
import { initialPopupState, popupReducer, popupView, type PopupAction, type PopupState } from './popup/state';
import { createSettingsStore } from './settings/settings-store';

const store = createSettingsStore(extensionApi().storage);
const heading = byId('heading', HTMLHeadingElement);
const toggle = byId('toggle', HTMLButtonElement);
const message = byId('message', HTMLParagraphElement);
let state: PopupState = initialPopupState;

function dispatch(action: PopupAction): void {
  state = popupReducer(state, action);
  const view = popupView(state);
  heading.textContent = view.heading;
  toggle.textContent = view.toggleLabel;
  toggle.disabled = view.toggleDisabled;
  message.textContent = view.message ?? '';
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

toggle.addEventListener('click', () => {
  dispatch({ type: 'toggle-enabled' });
  if (state.status !== 'ready' || !state.saving) return;
  store.update({ enabled: state.settings.enabled }).then(
    (settings) => dispatch({ type: 'saved', settings }),
    (error: unknown) => dispatch({ type: 'save-failed', error: errorText(error) }),
  );
});

store.load().then(
  (settings) => {
    applyTheme(settings);
    dispatch({ type: 'loaded', settings });
  },
  (error: unknown) => dispatch({ type: 'load-failed', error: errorText(error) }),
);
