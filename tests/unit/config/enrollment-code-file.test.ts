import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-main/config/app-config';
import { installerEnrollmentCode, installerEnrollmentCodeFiles } from '../../../src-main/config/enrollment-code-file';

/** The enrollment code an installer leaves for the first start (docs/updates.md), read from real files. */
describe('installer enrollment code', () => {
  const dirs: string[] = [];
  const dir = () => {
    const made = mkdtempSync(path.join(tmpdir(), 'ventanilla-enroll-code-'));
    dirs.push(made);
    return made;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('takes the environment first, then the first installer file that holds a code', () => {
    const d = dir();
    const installer = path.join(d, 'enrollment-code.txt');
    writeFileSync(installer, 'ABCD-EFGH-JKLM\r\n');
    const missing = path.join(d, 'nothing-here');
    expect(installerEnrollmentCode({}, [missing, installer])).toBe('ABCD-EFGH-JKLM');
    expect(installerEnrollmentCode({ VENTANILLA_ENROLLMENT_CODE: ' WXYZ-2345-6789 ' }, [installer])).toBe(
      'WXYZ-2345-6789',
    );
    const explicit = path.join(d, 'code');
    writeFileSync(explicit, 'PQRS-TUVW-XYZ2');
    expect(installerEnrollmentCode({ VENTANILLA_ENROLLMENT_CODE_FILE: explicit }, [installer])).toBe('PQRS-TUVW-XYZ2');
    expect(installerEnrollmentCode({}, [missing])).toBeNull();
  });

  it('ignores a file that does not hold a code alone', () => {
    const d = dir();
    const bad = path.join(d, 'bad');
    writeFileSync(bad, 'rm -rf / ; echo');
    const good = path.join(d, 'good');
    writeFileSync(good, 'ABCD-EFGH-JKLM');
    expect(installerEnrollmentCode({}, [bad])).toBeNull();
    expect(installerEnrollmentCode({}, [bad, good])).toBe('ABCD-EFGH-JKLM');
  });

  it('reaches the app config, and the installers’ places are per platform', () => {
    const d = dir();
    const file = path.join(d, 'enrollment-code.txt');
    writeFileSync(file, 'ABCD-EFGH-JKLM\n');
    expect(loadConfig({}, { dataDir: d, version: '1.0.0', enrollmentCodeFiles: [file] }).enrollmentCode).toBe(
      'ABCD-EFGH-JKLM',
    );
    expect(loadConfig({}, { dataDir: d, version: '1.0.0' }).enrollmentCode).toBeNull();
    expect(installerEnrollmentCodeFiles('C:\\Program Files\\Ventanilla', 'win32')).toEqual([
      'C:\\Program Files\\Ventanilla\\enrollment-code.txt',
    ]);
    expect(installerEnrollmentCodeFiles('/opt/Ventanilla', 'linux')).toEqual(['/etc/ventanilla/enrollment-code']);
  });
});
