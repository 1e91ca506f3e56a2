import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { cameraPermitted } from './camera-permission';

export interface MainWindowOptions {
  readonly mode: DeviceMode;
  readonly preload: string;
  /** DevTools only for developers; never on an installed kiosk. */
  readonly devTools: boolean;
}

/** The hardened window options (docs/architecture.md): isolated, sandboxed, no Node in the page; kiosk mode for kiosks. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const kiosk = options.mode === 'kiosk';
  return {
    width: 1280,
    height: 1024,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f7fb',
    title: 'Ventanilla',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

/**
 * Keeps the window on our page: no navigation, no new windows, no reload keys, and no permission
 * but a kiosk's camera for its own page (camera-permission.ts).
 */
export function lockDown(
  window: BrowserWindow,
  appUrl: string,
  options: { allowReload: boolean; allowCamera: boolean },
): void {
  const contents: WebContents = window.webContents;
  const sameApp = (url: string): boolean => url.split('#')[0] === appUrl.split('#')[0];
  contents.on('will-navigate', (event, url) => {
    if (!sameApp(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyPermissions(contents.session, appUrl, options.allowCamera);
  if (!options.allowReload) {
    contents.on('before-input-event', (event, input) => {
      const key = input.key.toLowerCase();
      const reload = key === 'f5' || ((input.control || input.meta) && key === 'r');
      const devTools = key === 'f12' || ((input.control || input.meta) && input.shift && key === 'i');
      if (reload || devTools) event.preventDefault();
    });
  }
}

function denyPermissions(session: Session, appUrl: string, allowCamera: boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const request = { permission, mediaTypes, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame };
    callback(cameraPermitted(request, appUrl, allowCamera));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    cameraPermitted(
      {
        permission,
        mediaTypes: details.mediaType === undefined ? [] : [details.mediaType],
        requestingUrl: details.requestingUrl ?? '',
        isMainFrame: details.isMainFrame,
      },
      appUrl,
      allowCamera,
    ),
  );
}
