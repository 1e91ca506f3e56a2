import { createHash } from 'node:crypto';
import type { ConsentPolicyValue } from '../../src-shared/server-api/accounts-api';

/**
 * The data-treatment authorization a citizen accepts when registering (Ley 1581 de 2012 art. 9
 * and 12; Decreto 1377 de 2013 art. 5 and 8: prior, express and informed, with proof kept).
 * Each consent row stores this version and the sha256 of this exact text, so the proof says
 * what was shown even after the text changes: a new text needs a new version.
 */
export const consentPolicy: ConsentPolicyValue = {
  version: '2026-01',
  title: 'Autorización para el tratamiento de datos personales',
  text: [
    'Autorizo a la entidad, como responsable del tratamiento, a recolectar, almacenar y usar los datos que registro ' +
      '(tipo y número de documento, nombres, apellidos, correo electrónico, teléfonos, dirección y municipio) para ' +
      'crear y administrar mi cuenta de trámites en línea, enviarme los datos de acceso y los avisos de la cuenta, ' +
      'y atender mis solicitudes sobre los servicios públicos, conforme a la Ley 1581 de 2012 y el Decreto 1377 de 2013.',
    'No se recogen datos sensibles ni datos de menores de edad en este registro.',
    'Como titular puedo conocer, actualizar y rectificar mis datos, pedir prueba de esta autorización, ser informado ' +
      'del uso que se les da, revocar la autorización o pedir su supresión, y presentar quejas ante la Superintendencia ' +
      'de Industria y Comercio. Las consultas se responden en diez (10) días hábiles y los reclamos en quince (15) ' +
      'días hábiles, en las oficinas de atención y por los canales publicados por la entidad.',
  ].join('\n\n'),
};

export const consentTextSha256 = createHash('sha256').update(consentPolicy.text, 'utf8').digest('hex');
