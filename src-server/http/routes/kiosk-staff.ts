import type { FastifyInstance } from 'fastify';
import { err, ok } from '../../../src-shared/api/result';
import { kioskStaffRoles } from '../../../src-shared/server-api/kiosk-staff-api';
import type { PasswordWork } from '../../accounts/password-work';
import { staffLogin } from '../../console/console-login';
import type { ServerDatabase } from '../../db/open';
import type { Logger } from '../../logger';
import { kioskDiagnosticPermission } from '../../staff/diagnostic-permission';
import { apiRoutes } from '../api-route';

/**
 * A staff member at a kiosk's hidden gesture (docs/kiosk-lockdown.md). Kiosks hold no staff
 * accounts, so the password is checked here, by the console's own sign-in: the same throttle per
 * username, and per kiosk instead of per address. Only a kiosk may ask, and only a supervisor,
 * support or an admin gets in: a cashier has nothing to do on a kiosk's staff screen. The answer
 * carries the member's permission to send a diagnostic from this kiosk, signed here with their
 * approval key (staff/diagnostic-permission.ts): the diagnostics route takes nothing less.
 */
export function kioskStaffRoutes(deps: {
  readonly database: ServerDatabase;
  readonly passwords: PasswordWork;
  readonly now: () => Date;
  readonly log: Logger;
}): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database: deps.database, now: deps.now });
    route('kiosk.staffSignIn', async (typed, { device }) => {
      if (device.mode !== 'kiosk') return err('forbidden', 'Solo un quiosco pide este acceso.');
      const signedIn = await staffLogin(deps.database.exec, deps.passwords, typed, `kiosk:${device.id}`, deps.now());
      if (!signedIn.ok) return signedIn;
      const { username, fullName, role } = signedIn.value;
      if (!(kioskStaffRoles as readonly string[]).includes(role)) {
        deps.log.info({ device: device.id, role }, 'kiosk staff access refused for the role');
        return err(
          'forbidden',
          'Su usuario no puede administrar este quiosco. Pida ayuda a un supervisor o a soporte.',
        );
      }
      const diagnostic = await kioskDiagnosticPermission(deps.database.exec, device.id, username, deps.now());
      return ok({ username, fullName, role, diagnostic });
    });
  };
}
