// The default library path: where Electron's app.getPath('userData') puts
// Parallax's data on each platform, plus the file name.
import { describe, expect, it } from 'vitest';
import { appDataDir, defaultLibraryPath, userDataDir } from '../../electron/library/paths';

describe('defaultLibraryPath', () => {
  it('Linux: $XDG_CONFIG_HOME/Parallax, else ~/.config/Parallax', () => {
    expect(defaultLibraryPath({ platform: 'linux', env: {}, home: '/home/ana' })).toBe('/home/ana/.config/Parallax/library.sqlite');
    expect(defaultLibraryPath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/conf' }, home: '/home/ana' })).toBe('/data/conf/Parallax/library.sqlite');
    // The XDG rule: a relative or empty value is ignored.
    expect(appDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'conf' }, home: '/home/ana' })).toBe('/home/ana/.config');
    expect(appDataDir({ platform: 'freebsd', env: { XDG_CONFIG_HOME: ' ' }, home: '/home/ana' })).toBe('/home/ana/.config');
  });

  it('macOS: ~/Library/Application Support/Parallax', () => {
    expect(defaultLibraryPath({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/ignored' }, home: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Parallax/library.sqlite',
    );
  });

  it('Windows: %APPDATA%\\Parallax, else the roaming folder under the profile', () => {
    expect(defaultLibraryPath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\Ana\\AppData\\Roaming' }, home: 'C:\\Users\\Ana' })).toBe(
      'C:\\Users\\Ana\\AppData\\Roaming\\Parallax\\library.sqlite',
    );
    expect(userDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\Ana' })).toBe('C:\\Users\\Ana\\AppData\\Roaming\\Parallax');
  });

  it('uses this process by default', () => {
    expect(defaultLibraryPath()).toMatch(/Parallax[\\/]library\.sqlite$/);
  });
});
