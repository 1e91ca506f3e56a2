import { electronBinary, electronDownloadResting } from './electron-binary';

/**
 * Which Electron `npm start` runs, and what it tells the person at the terminal — one line, and
 * «intentando descargarlo» only when it really tries (a failed download rests a day).
 */
export async function electronToUse(
  root: string,
  stateDir: string,
  deps: {
    fetch(root: string, stateDir: string): Promise<boolean>;
    say(line: string): void;
    binary?: (root: string) => string | null;
  },
): Promise<string | null> {
  const find = deps.binary ?? electronBinary;
  const installed = find(root);
  if (installed !== null) return installed;
  if (electronDownloadResting(stateDir)) {
    deps.say('Se usa el anfitrión web: Electron no está instalado (se intentará descargarlo de nuevo mañana).');
    return null;
  }
  deps.say('Electron no está instalado; intentando descargarlo (máximo 60 s)…');
  const fetched = (await deps.fetch(root, stateDir)) ? find(root) : null;
  if (fetched === null) deps.say('No se pudo obtener Electron en esta máquina: se usa el anfitrión web.');
  return fetched;
}
