import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronToUse } from '../../../scripts/electron-choice';
import { loadConfig } from '../../../src-main/config/app-config';
import { prettyLogs, terminalLine, terminalLogStream } from '../../../src-node/terminal-log';
import { tempDir } from '../../support/temp-dir';

/**
 * Issue 12 item 15: «Electron no está instalado; intentando descargarlo…» printed on every
 * start even while a failed download rested for a day, and the start log mixed JSON lines with
 * the banner. A terminal now gets one Spanish line per record; anything else still gets JSON.
 */
describe('what npm start tells the person at the terminal', () => {
  it('says it tries to download Electron only when it really tries', async () => {
    const dir = tempDir('electron-choice');
    try {
      const said: string[] = [];
      let fetches = 0;
      const deps = {
        fetch: async () => ((fetches += 1), false),
        say: (line: string) => void said.push(line),
        binary: () => null,
      };
      expect(await electronToUse('/nada', dir.path, deps)).toBeNull();
      expect(fetches).toBe(1);
      expect(said).toEqual([
        'Electron no está instalado; intentando descargarlo (máximo 60 s)…',
        'No se pudo obtener Electron en esta máquina: se usa el anfitrión web.',
      ]);

      // The failed try is remembered for a day: the next start says one line and tries nothing.
      mkdirSync(dir.path, { recursive: true });
      writeFileSync(path.join(dir.path, 'electron-download-failed'), new Date().toISOString());
      said.length = 0;
      expect(await electronToUse('/nada', dir.path, deps)).toBeNull();
      expect(fetches).toBe(1);
      expect(said).toEqual([
        'Se usa el anfitrión web: Electron no está instalado (se intentará descargarlo de nuevo mañana).',
      ]);
    } finally {
      dir.remove();
    }
  });

  it('writes a log record as one readable line: Bogotá time, level in Spanish, module, message, short facts', () => {
    const record = {
      level: 40,
      time: Date.parse('2026-12-03T15:04:05Z'),
      pid: 1,
      hostname: 'vm',
      app: 'ventanilla',
      module: 'sync',
      part: 'pull',
      failures: 2,
      applied: ['a'],
      err: { message: 'pull refused: offline' },
      msg: 'pull failed',
    };
    expect(terminalLine(JSON.stringify(record))).toBe(
      '10:04:05  AVISO  [sync/pull]  pull failed  (failures=2, error=pull refused: offline)',
    );
    expect(terminalLine('Ventanilla está lista.')).toBe('Ventanilla está lista.');
  });

  it('turns a stream of JSON lines into terminal lines, split or joined as they come', async () => {
    const out: string[] = [];
    const stream = terminalLogStream({ write: (text: string) => out.push(text) } as unknown as NodeJS.WritableStream);
    const line = JSON.stringify({ level: 30, time: 0, module: 'db', msg: 'PGlite abierta' });
    await new Promise<void>((resolve) => stream.write(line.slice(0, 10), () => resolve()));
    await new Promise<void>((resolve) => stream.write(`${line.slice(10)}\n${line}\n`, () => resolve()));
    expect(out).toEqual(['19:00:00  info   [db]  PGlite abierta\n', '19:00:00  info   [db]  PGlite abierta\n']);
  });

  it('uses readable lines on a terminal and JSON elsewhere, unless VENTANILLA_LOG_FORMAT says', () => {
    expect(prettyLogs('auto', true)).toBe(true);
    expect(prettyLogs('auto', false)).toBe(false);
    expect(prettyLogs('json', true)).toBe(false);
    expect(prettyLogs('pretty', false)).toBe(true);
    expect(loadConfig({ VENTANILLA_DATA_DIR: '/tmp/x' }, { dataDir: '/tmp/x', version: '1' }).logFormat).toBe('auto');
    expect(() =>
      loadConfig(
        { VENTANILLA_DATA_DIR: '/tmp/x', VENTANILLA_LOG_FORMAT: 'bonito' },
        { dataDir: '/tmp/x', version: '1' },
      ),
    ).toThrow(/VENTANILLA_LOG_FORMAT debe ser auto, pretty o json/);
  });
});
