/**
 * Open an address in the person's browser with the platform's own opener. Best effort: when
 * there is no display or the opener is missing, the printed address is enough, so this never fails.
 */
export interface Platform {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

/** The opener and its arguments, or why none is tried. */
export function opener(url: string, { platform, env }: Platform): { command: string; args: string[] } | { none: string } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a built-in of cmd; its first quoted argument is a window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { none: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { command: 'xdg-open', args: [url] };
}

/** True when the opener was started; it runs on without us (a browser may stay open). */
export function openBrowser(url: string, platform: Platform = { platform: process.platform, env: process.env }): boolean {
  const how = opener(url, platform);
  if ('none' in how) return false;
  try {
    // Loaded here, not with the bundle: every other command would pay for child_process.
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(how.command, how.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: platform.platform === 'win32' });
    child.on('error', () => {}); // not installed: the address is printed anyway
    child.unref();
    return true;
  } catch {
    return false;
  }
}
