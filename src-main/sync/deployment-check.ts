import type { DeviceMeta } from '../device/device-meta';

export const otherDeploymentMessage =
  'El servidor central que respondió pertenece a otra instalación. No se sincroniza nada con él: ' +
  'avise a soporte técnico para revisar la dirección del servidor o inscribir de nuevo el equipo.';

/** A device syncs only with the deployment it enrolled with (its data belong to that one). */
export function isOwnDeployment(meta: DeviceMeta, deploymentId: string): boolean {
  const own = meta.get('deploymentId');
  return own === null || own === deploymentId;
}
