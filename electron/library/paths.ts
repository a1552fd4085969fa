// Where the library lives by default: the per-user data folder the desktop
// app gets from Electron's app.getPath('userData') (appData + productName),
// worked out here without Electron so the command line and the app use the
// same file. A pure function of platform, environment and home folder, so
// every platform's answer can be tested on any machine.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** electron-builder.yml productName: the folder name under appData. */
export const PRODUCT_NAME = 'Parallax';
export const LIBRARY_FILE_NAME = 'library.sqlite';

export interface PlatformContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

function current(): PlatformContext {
  return { platform: process.platform, env: process.env, home: homedir() };
}

/** Electron's appData folder for this platform. */
export function appDataDir(context: PlatformContext = current()): string {
  const { platform, env, home } = context;
  if (platform === 'win32') {
    // Electron asks Windows for FOLDERID_RoamingAppData, which %APPDATA% names.
    const appData = env.APPDATA?.trim();
    return appData ? appData : win32.join(home, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  // Linux and the other Unixes: the XDG base directory rule, which ignores a relative value.
  const config = env.XDG_CONFIG_HOME?.trim();
  return config && posix.isAbsolute(config) ? config : posix.join(home, '.config');
}

/** The folder Electron's app.getPath('userData') returns for Parallax. */
export function userDataDir(context: PlatformContext = current()): string {
  const join = context.platform === 'win32' ? win32.join : posix.join;
  return join(appDataDir(context), PRODUCT_NAME);
}

/** The library file the app and the command line use unless told otherwise. */
export function defaultLibraryPath(context: PlatformContext = current()): string {
  const join = context.platform === 'win32' ? win32.join : posix.join;
  return join(userDataDir(context), LIBRARY_FILE_NAME);
}
