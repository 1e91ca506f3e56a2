/**
 * The entity this demo server belongs to, stored as the `entity` settings row that devices
 * replicate (bills and receipts print it). The NIT body is kept without its check digit; code
 * that prints it adds the DV with `formatNit` (src-shared/domain/nit.ts).
 */
export const entitySettingKey = 'entity';

export interface EntitySetting {
  readonly name: string;
  /** NIT body without the check digit. */
  readonly nit: string;
  readonly city: string;
}

export const demoEntity: EntitySetting = {
  name: 'Empresa Ibaguereña de Acueducto y Alcantarillado (demostración)',
  nit: '800089809',
  city: 'Ibagué',
};
