/**
 * The entity this demo server belongs to, stored as the `entity` settings row that devices
 * replicate (bills and receipts print it). Its shape and parser live in
 * src-shared/domain/entity-setting.ts, so devices read what the server wrote with the same
 * schema. The NIT body is kept without its check digit; code that prints it adds the DV with
 * `formatNit` (src-shared/domain/nit.ts).
 */
import { entitySettingKey, type EntitySetting } from '../../src-shared/domain/entity-setting';

export { entitySettingKey, type EntitySetting };

export const demoEntity: EntitySetting = {
  name: 'Empresa Ibaguereña de Acueducto y Alcantarillado (demostración)',
  nit: '800089809',
  city: 'Ibagué',
  address: 'Calle 60 No. 5-20, barrio La Floresta, Ibagué, Tolima',
  phone: 'Línea de atención (608) 261 0101 · WhatsApp 310 000 0101',
  website: 'www.acueducto-ibague.example',
  // The example GLN of docs/domain/gs1-128-recaudo.md (valid check digit, assigned to no one)
  // with the usual convenio lengths: a 12-digit reference and a 10-digit amount in whole pesos.
  paymentBarcode: { gln: '7709998000421', referenceLength: 12, amountAi: '3900', amountLength: 10 },
  paymentPoints: [
    'Bancos: Bancolombia, Banco de Bogotá, Davivienda, Banco Agrario y Banco Popular',
    'Corresponsales bancarios de Bancolombia y del Grupo Aval (tiendas y droguerías)',
    'Efecty, SuRed y puntos Gana con el código de barras de la factura',
    'Cajas de la empresa: Sede Centro y Sede Salado, lunes a viernes de 7:00 a. m. a 5:00 p. m.',
    'En línea con PSE en www.acueducto-ibague.example',
  ],
  footer: [
    'Peticiones, quejas y recursos: en nuestras oficinas, en la línea de atención o en el sitio web. ' +
      'Puede reclamar por esta factura dentro de los cinco meses siguientes a su expedición (Ley 142 de 1994, art. 154).',
    'Empresa vigilada por la Superintendencia de Servicios Públicos Domiciliarios. ' +
      'Sus datos personales se tratan según la Ley 1581 de 2012.',
  ],
};
