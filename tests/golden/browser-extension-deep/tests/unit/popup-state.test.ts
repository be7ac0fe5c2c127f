/**
 * Popup state logic: a reducer and the view derived from it, tested without a browser or UI.
 * Pattern: replay the actions a user session produces and assert the state and what the popup
 * shows, including the failure paths (load fails, an optimistic save is rolled back). Replace
 * the actions with your popup's and keep one test per failure the person can see.
 */
import { describe, expect, it } from 'vitest';
import { initialPopupState, popupReducer, popupView, type PopupAction, type PopupState } from '../../src/popup/state';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';

const replay = (...actions: PopupAction[]): PopupState => actions.reduce(popupReducer, initialPopupState);
const loaded: PopupAction = { type: 'loaded', settings: DEFAULT_SETTINGS };

describe('popup state', () => {
  it('shows a disabled toggle while the settings load', () => {
    expect(popupView(initialPopupState)).toEqual({ heading: 'Loading…', toggleLabel: 'Turn on', toggleDisabled: true });
  });

  it('shows the loaded settings', () => {
    expect(popupView(replay(loaded))).toEqual({ heading: 'On', toggleLabel: 'Turn off', toggleDisabled: false });
  });

  it('shows why when the settings cannot be loaded', () => {
    const view = popupView(replay({ type: 'load-failed', error: 'no reply to settings/get' }));

    expect(view).toMatchObject({ heading: 'Settings unavailable', toggleDisabled: true, message: 'no reply to settings/get' });
  });

  it('toggles optimistically and blocks a second toggle until the save settles', () => {
    const saving = replay(loaded, { type: 'toggle-enabled' });

    expect(popupView(saving)).toEqual({ heading: 'Off', toggleLabel: 'Turn on', toggleDisabled: true });
    expect(popupReducer(saving, { type: 'toggle-enabled' })).toBe(saving);
  });

  it('keeps the change once it is saved', () => {
    const saved = replay(loaded, { type: 'toggle-enabled' }, { type: 'saved', settings: { ...DEFAULT_SETTINGS, enabled: false } });

    expect(saved).toMatchObject({ status: 'ready', saving: false, settings: { enabled: false }, confirmed: { enabled: false } });
  });

  it('rolls back and explains when the save fails', () => {
    const failed = replay(loaded, { type: 'toggle-enabled' }, { type: 'save-failed', error: 'storage is full' });

    expect(failed).toMatchObject({ status: 'ready', settings: { enabled: true } });
    expect(popupView(failed)).toEqual({ heading: 'On', toggleLabel: 'Turn off', toggleDisabled: false, message: 'Could not save: storage is full' });
  });

  it('ignores a toggle before the settings are loaded', () => {
    expect(popupReducer(initialPopupState, { type: 'toggle-enabled' })).toBe(initialPopupState);
  });
});
