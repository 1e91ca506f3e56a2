import { ConfigError } from '../src-main/config/app-config';
import { HealthBody } from '../src-shared/server-api/device-api';

/**
 * A port another program holds, said in Spanish with what to do (issue 12 item 13: a second
 * device on the same machine crashed with a raw `EADDRINUSE 127.0.0.1:5181` stack trace).
 */
export const isPortInUse = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'EADDRINUSE';

/** The embedded central server's port is taken: by another Ventanilla's server, or by something else. */
export async function embeddedServerPortTaken(port: number): Promise<ConfigError> {
  const url = `http://127.0.0.1:${port}`;
  if (await answersAsCentralServer(url)) {
    return new ConfigError(
      `Ya hay un servidor central de Ventanilla en ${url} (el de otro equipo de esta máquina). ` +
        'Para que este equipo use ese mismo servidor: pida un código de inscripción ' +
        '(npm run admin -- enrollment-code --name "Caja 1" --mode cashier) y arranque con ' +
        `VENTANILLA_SERVER_URL=${url} VENTANILLA_ENROLLMENT_CODE=<código> VENTANILLA_PORT=0 (el README lo muestra).`,
    );
  }
  return new ConfigError(
    `El puerto ${port} del servidor central integrado lo usa otro programa. ` +
      'Ciérrelo, o elija otro puerto en la configuración (server.embeddedPort).',
  );
}

async function answersAsCentralServer(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return HealthBody.safeParse(await response.json()).success;
  } catch {
    return false;
  }
}
