import type { DispenserCondition } from './dispenser';

/** The Spanish sentences of the certificate dispenser, in one place for screens and tests. */
export const dispenserMessages = {
  stopped: 'El dispensador de certificados se detuvo y el certificado no salió; avise a un funcionario.',
  noAnswer: 'No se pudo confirmar si el certificado salió del dispensador; un funcionario debe revisar la bandeja.',
  interrupted:
    'El dispensador se interrumpió (por ejemplo, por un corte de luz) y no se sabe si el certificado salió; un funcionario debe revisar la bandeja.',
  notSent: 'El certificado no llegó al dispensador porque la aplicación se cerró.',
  paperLow:
    'Al dispensador de certificados le queda poco papel y su compra podría no salir completa; no se le cobró nada. Avise a un funcionario.',
} as const;

/** Why the dispenser did not, or cannot, give out the certificate; null when it is ready. */
export function dispenserConditionMessage(condition: DispenserCondition): string | null {
  switch (condition) {
    case 'ready':
    case 'unknown':
      return null;
    case 'paper-out':
      return 'El dispensador de certificados no tiene papel; avise a un funcionario.';
    case 'jammed':
      return 'El dispensador de certificados se atascó y el certificado no salió; avise a un funcionario.';
    case 'offline':
      return 'El dispensador de certificados no responde; avise a un funcionario.';
  }
}
