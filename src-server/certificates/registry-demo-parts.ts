import type { Appointment, RegistryAddress, RegistryPerson } from '../../src-shared/certificates/matricula';
import type { RegistryRecord } from './registry-store';

// The pieces the demo registry's fixed entries (registry-demo-fixed.ts) are written with.

/** An address in Ibagué, Tolima. */
export const ibague = (address: string, phone: string, email: string | null): RegistryAddress => ({
  address,
  municipality: 'Ibagué',
  department: 'Tolima',
  phone,
  email,
});

/** A person with a cédula de ciudadanía. */
export const cc = (names: string, surnames: string, docNumber: string): RegistryPerson => ({
  names,
  surnames,
  docType: 'CC',
  docNumber,
});

/** A person appointed to a post, by whom and when. */
export const rep = (person: RegistryPerson, cargo: string, appointedBy: string, appointedOn: string): Appointment => ({
  ...person,
  cargo,
  appointedBy,
  appointedOn,
});

type Blank = Pick<
  RegistryRecord,
  | 'sigla'
  | 'person'
  | 'constitution'
  | 'duration'
  | 'objetoSocial'
  | 'capital'
  | 'assets'
  | 'legalRepresentatives'
  | 'board'
  | 'revisorFiscal'
  | 'cancelledOn'
  | 'ownerNumber'
>;

/** What an entry lacks unless it says otherwise. */
export const empty: Blank = {
  sigla: null,
  person: null,
  constitution: null,
  duration: null,
  objetoSocial: null,
  capital: null,
  assets: null,
  legalRepresentatives: [],
  board: [],
  revisorFiscal: null,
  cancelledOn: null,
  ownerNumber: null,
};
