import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { startAppCore, type AppCore } from '../app-core';
import { appPaths } from '../app-paths';
import { loadConfig } from '../config/app-config';
import { installerEnrollmentCodeFiles } from '../config/enrollment-code-file';
import { deviceLogsDir } from '../diagnostics/log-files';
import { createDeviceLogger, moduleLogger } from '../logger';
import { trackInFlight } from '../updates/in-flight-work';
import { startAutoUpdate } from './auto-update';
import { registerIpc } from './ipc-bridge';
import { lockDownKiosk } from './kiosk-lockdown';
import { lockDown, mainWindowOptions } from './main-window';
import { safeStorageSecrets } from './safe-storage-secrets';

/**
 * Electron entry point, kept thin: config → core → IPC → window. Every behaviour lives in the
 * core and is tested through the web host; this file only wires Electron to it.
 */
let core: AppCore | null = null;

async function onReady(): Promise<void> {
  const root = app.isPackaged ? app.getAppPath() : path.resolve(__dirname, '..', '..', '..');
  const paths = appPaths(root);
  const config = loadConfig(process.env, {
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    // The code an installer left for the first start (docs/updates.md); none from a source checkout.
    enrollmentCodeFiles: app.isPackaged
      ? installerEnrollmentCodeFiles(path.dirname(app.getPath('exe')), process.platform)
      : [],
  });
  // JSON lines on stdout and in the rotated files «Enviar diagnóstico» reads (diagnostics/log-files.ts).
  const log = createDeviceLogger(config.logLevel, { dir: deviceLogsDir(config.dataDir), ...config.logs }).log;
  const serverUrl = config.serverUrl ?? `http://127.0.0.1:${config.server.embeddedPort}`;
  // Packaged, better-sqlite3-multiple-ciphers was rebuilt for Electron by electron-builder. From
  // a source checkout, node_modules holds Node's build (for tests), so `npm start` builds a
  // second copy for Electron's ABI beside it (scripts/electron-native.ts, docs/architecture.md).
  const nativeBinding = app.isPackaged ? undefined : path.join(root, 'dist', 'electron-native', 'better_sqlite3.node');
  // The store's key and the device token in the OS keychain (safeStorage works once `app` is ready).
  const secretStorage = (keysDir: string) => safeStorageSecrets(keysDir, moduleLogger(log, 'secrets'));
  // Staff at the kiosk's hidden gesture may take it out of kiosk mode (kiosk.leaveKioskMode,
  // audit-logged by the core): the app closes, draining its work, and leaves the OS session.
  const leaveKioskMode = () => app.quit();
  // Updates from the central server (docs/updates.md): counted from before the core starts, so
  // a new version that never gets that far is rolled back. Packaged builds only.
  const updates = app.isPackaged
    ? startAutoUpdate(app, { dataDir: config.dataDir, serverUrl, log: moduleLogger(log, 'updates') })
    : null;
  core = startAppCore({ config, paths, serverUrl, log, nativeBinding, secretStorage, leaveKioskMode });
  updates?.healthy(core);
  // The server's word on what this device is, not the config's.
  const mode = core.mode();

  const window = new BrowserWindow(
    mainWindowOptions({ mode, preload: path.join(__dirname, 'preload.cjs'), devTools: !app.isPackaged }),
  );
  const appUrl = pathToFileURL(path.join(paths.renderer, 'index.html')).toString();
  registerIpc(
    ipcMain,
    // Payments, prints and dispenses in flight hold an update's install back (updates/in-flight-work.ts).
    updates === null ? core.dispatch : trackInFlight(core.dispatch, updates.work),
    (event) =>
      BrowserWindow.fromWebContents(event.sender) === window && event.senderFrame?.url.startsWith(appUrl) === true,
  );
  // Only a kiosk has the camera a citizen photographs a document with (support tickets).
  lockDown(window, appUrl, { allowReload: !app.isPackaged, allowCamera: mode === 'kiosk' });
  if (mode === 'kiosk')
    lockDownKiosk(window, (reason) => moduleLogger(log, 'kiosk-lockdown').debug({ reason }, 'key blocked'));
  if (mode === 'kiosk' || app.isPackaged) Menu.setApplicationMenu(null);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appUrl);
  moduleLogger(log, 'electron').info({ mode }, 'window ready');
}

// Chromium on Linux asks speech-dispatcher for voices only with this switch: without it the kiosk's
// spoken guidance has no voice even where the packages are installed (docs/accessibility.md).
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher');

app.on('web-contents-created', (_event, contents) => contents.setWindowOpenHandler(() => ({ action: 'deny' })));
app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (core === null) return;
  // Drain in-flight work (sync, print jobs) before the process goes.
  event.preventDefault();
  const stopping = core;
  core = null;
  void stopping.stop().finally(() => app.quit());
});

app
  .whenReady()
  .then(onReady)
  .catch((error: unknown) => {
    // A damaged or too-new store, a bad config file: say so plainly and stop; never start half-way.
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Ventanilla no pudo iniciar', message);
    app.exit(1);
  });
