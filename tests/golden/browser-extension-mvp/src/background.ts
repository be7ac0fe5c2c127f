// Entry point of the background service worker (manifest.json: background.js after the build).
import { registerBackground } from './background/index';
import { extensionApi } from './platform/extension-api';

registerBackground(extensionApi());
