import type { IconName } from '../ui/icons';

/**
 * Everything a citizen can do at the kiosk (docs/user-guides.md), in the words of the original guides.
 * A later issue makes a function available by setting its `status` to `available` and
 * registering its screen in `features/feature-screens.ts`.
 */
export const featureIds = [
  'bill-print',
  'payment-history',
  'previous-bills',
  'account-login',
  'account-register',
  'wallet-prepay',
  'certificates',
  'ticket-create',
  'ticket-list',
  'staff-access',
] as const;

export type FeatureId = (typeof featureIds)[number];

export interface Feature {
  readonly id: FeatureId;
  /** The tile's title and accessible name, as the guides name the function. */
  readonly title: string;
  /** One line under the title: what the citizen gets. */
  readonly description: string;
  readonly icon: IconName;
  readonly status: 'available' | 'coming-soon';
  /** Citizens see tiles; staff entries are a smaller button at the foot of the start screen. */
  readonly audience: 'citizen' | 'staff';
  /** While it is not available: where the citizen can get it done today. */
  readonly meanwhile: string;
}

const catalogue = {
  'bill-print': {
    title: 'Facturación servicios públicos',
    description: 'Imprima su factura con código de barras para pagarla.',
    icon: 'bill',
    status: 'available',
    audience: 'citizen',
    meanwhile:
      'Mientras tanto, pida una copia de su factura en la ventanilla de atención. Tenga a mano su código interno.',
  },
  'payment-history': {
    title: 'Historial de pagos',
    description: 'Vea los últimos pagos de su código interno.',
    icon: 'history',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, pida su historial de pagos en la ventanilla de atención con su código interno.',
  },
  'previous-bills': {
    title: 'Ver facturas anteriores',
    description: 'Consulte las 5 facturas anteriores a su último pago.',
    icon: 'previous',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, pida una copia de sus facturas anteriores en la ventanilla de atención.',
  },
  'account-login': {
    title: 'Ingresar',
    description: 'Entre con su número de documento y contraseña.',
    icon: 'login',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, puede ingresar a los trámites en línea desde la página web de la entidad.',
  },
  'account-register': {
    title: 'Regístrese aquí',
    description: 'Cree su cuenta; los datos de acceso llegan a su correo.',
    icon: 'register',
    status: 'available',
    audience: 'citizen',
    meanwhile:
      'Mientras tanto, puede registrarse desde la página web de la entidad o pedir ayuda en la ventanilla de atención.',
  },
  'wallet-prepay': {
    title: 'Prepago de servicios',
    description: 'Cargue saldo por anticipado; no tiene vencimiento.',
    icon: 'wallet',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, puede prepagar servicios en cualquiera de nuestras oficinas.',
  },
  certificates: {
    title: 'Certificados',
    description: 'Compre certificados con su saldo prepago.',
    icon: 'certificate',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, solicite sus certificados en la ventanilla de atención.',
  },
  'ticket-create': {
    title: 'Crear ticket de soporte',
    description: 'Cuéntenos su solicitud y reciba el código de su ticket.',
    icon: 'ticket',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, comuníquese con la línea de soporte o pida ayuda al personal de esta oficina.',
  },
  'ticket-list': {
    title: 'Ver mi lista de tickets',
    description: 'Vea el estado de sus tickets con un ID y su correo.',
    icon: 'ticket-list',
    status: 'available',
    audience: 'citizen',
    meanwhile: 'Mientras tanto, revise su correo electrónico: allí le llegan las novedades de sus tickets.',
  },
  'staff-access': {
    title: 'Acceso de personal',
    description: 'Para funcionarios de la entidad.',
    icon: 'staff',
    status: 'available',
    audience: 'staff',
    meanwhile: '',
  },
} satisfies Record<FeatureId, Omit<Feature, 'id'>>;

/** In display order. */
export const features: readonly Feature[] = featureIds.map((id) => ({ id, ...catalogue[id] }));

export const findFeature = (id: FeatureId): Feature => ({ id, ...catalogue[id] });

export const citizenFeatures = features.filter((feature) => feature.audience === 'citizen');
