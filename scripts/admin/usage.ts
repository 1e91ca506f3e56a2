import { releaseUsage, releaseHelp } from '../../src-server/releases/release-cli';
import { staffHelp, staffUsage } from '../../src-server/admin/staff-cli';

/** What `npm run admin -- --help` prints, and what follows a usage mistake. */
export const USAGE = `Uso:
  npm run admin -- enrollment-code --name "Caja 1" --mode cashier [--office "Sede Centro"] [--receipt-prefix CAJA1] [--scope RUTA] [--ttl-hours 24]
  npm run admin -- devices
  npm run admin -- revoke <id-del-dispositivo>
  npm run admin -- import-events <archivo.json>
  npm run admin -- restored
  npm run admin -- bank-file import <archivo-asobancaria.txt> [--json]
  npm run admin -- liquidations --pending [--json]
  npm run admin -- routes assign <equipo> <ruta...>
  npm run admin -- routes unassign <equipo> <ruta...>
  npm run admin -- routes list [equipo]
${staffUsage}
${releaseUsage}

Modos: kiosk (kiosco), cashier (caja), field (campo).
--office: la sede del equipo (una caja anula solo pagos de su sede).
--receipt-prefix: la serie de recibos de una caja reinstalada (la del equipo revocado); sin él, una nueva.
--scope: el código de ruta (p. ej. 03-117) de un equipo de campo.
restored: después de restaurar la base de datos del servidor central desde una copia (con el servidor
  detenido): los equipos vuelven a descargar sus datos y a enviar lo que el servidor ya no tenga.
import-events: carga los registros sin enviar que un supervisor exportó de un equipo dado de baja
  (carpeta exports/ de sus datos); lo ya registrado no se cuenta dos veces.
bank-file import: concilia el archivo de recaudos Asobancaria 2001 de un banco: abona a cada prepago lo
  pagado por su liquidación; lo ya importado no se aplica dos veces; referencias desconocidas y valores
  distintos quedan para revisión del personal. Un archivo dañado se rechaza entero (código de salida 3).
liquidations --pending: las liquidaciones pendientes de pago (número, referencia, valor, vencimiento).
routes: las rutas de un equipo de campo (su nombre o su id): el ciclo (03) o el ciclo y la ruta (03-117).
  El portátil guarda solo los suscriptores de sus rutas; al quitar una ruta borra sus datos (docs/field-routes.md).
--json: la respuesta exacta en JSON, para otro programa.
${staffHelp}${releaseHelp}
Variables: VENTANILLA_DATA_DIR, DATABASE_URL (ver README).`;

/** A usage mistake: the command ends with code 2 and the usage text. */
export class UsageError extends Error {}
