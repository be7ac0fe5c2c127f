/**
 * Popup state as a reducer: every change is an action, so the logic is tested without a browser
 * and any UI library can render it. The popup is destroyed whenever it loses focus, so it holds
 * no state worth keeping: it loads the settings each time it opens.
 */
import type { Settings } from '../settings/settings';

export type PopupState =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | {
      status: 'ready';
      settings: Settings;
      /** The settings before an optimistic change, restored if saving it fails. */
      confirmed: Settings;
      saving: boolean;
      error?: string;
    };

export type PopupAction =
  | { type: 'loaded'; settings: Settings }
  | { type: 'load-failed'; error: string }
  | { type: 'toggle-enabled' }
  | { type: 'saved'; settings: Settings }
  | { type: 'save-failed'; error: string };

export const initialPopupState: PopupState = { status: 'loading' };

export function popupReducer(state: PopupState, action: PopupAction): PopupState {
  switch (action.type) {
    case 'loaded':
      return { status: 'ready', settings: action.settings, confirmed: action.settings, saving: false };
    case 'load-failed':
      return { status: 'failed', error: action.error };
    case 'toggle-enabled':
      // One save at a time: a second click while saving would race the first.
      if (state.status !== 'ready' || state.saving) return state;
      return { ...state, settings: { ...state.settings, enabled: !state.settings.enabled }, saving: true, error: undefined };
    case 'saved':
      if (state.status !== 'ready') return state;
      return { status: 'ready', settings: action.settings, confirmed: action.settings, saving: false };
    case 'save-failed':
      if (state.status !== 'ready') return state;
      return { ...state, settings: state.confirmed, saving: false, error: action.error };
  }
}

export interface PopupView {
  heading: string;
  toggleLabel: string;
  toggleDisabled: boolean;
  message?: string;
}

/** What the popup shows for a state: the only input the rendering code needs. */
export function popupView(state: PopupState): PopupView {
  if (state.status === 'loading') return { heading: 'Loading…', toggleLabel: 'Turn on', toggleDisabled: true };
  if (state.status === 'failed') {
    return { heading: 'Settings unavailable', toggleLabel: 'Turn on', toggleDisabled: true, message: state.error };
  }
  const { enabled } = state.settings;
  return {
    heading: enabled ? 'On' : 'Off',
    toggleLabel: enabled ? 'Turn off' : 'Turn on',
    toggleDisabled: state.saving,
    ...(state.error !== undefined && { message: `Could not save: ${state.error}` }),
  };
}
