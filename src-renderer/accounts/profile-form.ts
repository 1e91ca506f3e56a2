import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import type { FieldSpec } from './KeyboardForm';

/** The editable fields of an account, shared by «Regístrese aquí» and «Modificar usuario». */
export type ProfileField = 'firstNames' | 'lastNames' | 'email' | 'mobile' | 'landline' | 'address' | 'municipality';

export const profileFields: readonly FieldSpec<ProfileField>[] = [
  { name: 'firstNames', label: 'Nombres', maxLength: 80 },
  { name: 'lastNames', label: 'Apellidos', maxLength: 80 },
  { name: 'email', label: 'Correo electrónico', hint: 'Allí le enviamos los datos de acceso.', maxLength: 254 },
  { name: 'mobile', label: 'Celular', hint: '10 dígitos, empieza por 3.', maxLength: 16 },
  { name: 'landline', label: 'Teléfono fijo (opcional)', hint: '10 dígitos, empieza por 60.', maxLength: 16 },
  { name: 'address', label: 'Dirección', maxLength: 120 },
  { name: 'municipality', label: 'Municipio', maxLength: 60 },
];

export const emptyProfile: Record<ProfileField, string> = {
  firstNames: '',
  lastNames: '',
  email: '',
  mobile: '',
  landline: '',
  address: '',
  municipality: '',
};

export const profileValues = (profile: AccountProfile): Record<ProfileField, string> => ({
  firstNames: profile.firstNames,
  lastNames: profile.lastNames,
  email: profile.email,
  mobile: profile.mobile,
  landline: profile.landline ?? '',
  address: profile.address,
  municipality: profile.municipality,
});
