import { readFileSync } from 'node:fs';

/**
 * The enrollment code an installer left for the app's first start (docs/updates.md «Código de
 * inscripción al instalar»): VENTANILLA_ENROLLMENT_CODE when set; else the first of these files
 * that exists — VENTANILLA_ENROLLMENT_CODE_FILE, then the installer's places (`enrollment-code.txt`
 * beside the executable, written by the Windows installer's /ENROLL=…; /etc/ventanilla/enrollment-code
 * on Linux). The code is used once: a device already enrolled never sends it (start-enrollment.ts),
 * and the server refuses a used or expired code.
 */
export function installerEnrollmentCode(
  env: Record<string, string | undefined>,
  files: readonly string[],
  read: (file: string) => string | null = readIfPresent,
): string | null {
  const fromEnv = env.VENTANILLA_ENROLLMENT_CODE?.trim();
  if (fromEnv) return fromEnv;
  const explicit = env.VENTANILLA_ENROLLMENT_CODE_FILE?.trim();
  for (const file of explicit ? [explicit, ...files] : files) {
    const text = read(file);
    if (text === null) continue;
    const code = text.split(/\r?\n/)[0]?.trim() ?? '';
    // An installer's file holds the code alone; anything else is not used (and not echoed: it is read, not trusted).
    if (/^[A-Za-z0-9-]{4,64}$/.test(code)) return code;
  }
  return null;
}

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Where installers leave the code: beside the executable (Windows, NSIS) and under /etc (Linux packages). */
export function installerEnrollmentCodeFiles(exeDir: string, platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? [`${exeDir}\\enrollment-code.txt`] : ['/etc/ventanilla/enrollment-code'];
}
