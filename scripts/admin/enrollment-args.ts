import { parseArgs } from 'node:util';
import { deviceModes } from '../../src-shared/domain/device-mode';
import type { ServerConfig } from '../../src-server/config';
import { UsageError } from './usage';

/** `enrollment-code --name … --mode …`: the options, checked, in the shape createCode takes. */
export function parseEnrollmentArgs(args: string[], config: ServerConfig) {
  const { values, positionals } = parseOptions(args);
  if (positionals.length > 0)
    throw new UsageError(`Argumentos sobrantes: ${positionals.join(' ')}. ¿Faltan comillas en --name?`);
  if (values.name === undefined || values.name.trim() === '')
    throw new UsageError('Falta --name "Nombre del dispositivo".');
  const mode = deviceModes.find((m) => m === values.mode);
  if (mode === undefined)
    throw new UsageError(
      `--mode debe ser kiosk, cashier o field${values.mode === undefined ? '' : ` (no «${values.mode}»)`}.`,
    );
  const ttlText = values['ttl-hours'];
  const ttlHours = ttlText === undefined ? config.enrollmentCodeTtlHours : Number(ttlText);
  if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > 720) {
    throw new UsageError(`--ttl-hours debe ser un número entero de horas entre 1 y 720 (no «${ttlText ?? ''}»).`);
  }
  return {
    deviceName: values.name.trim(),
    mode,
    scope: values.scope?.trim() || undefined,
    office: values.office?.trim() || undefined,
    receiptPrefix: values['receipt-prefix']?.trim() || undefined,
    ttlHours,
  };
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        name: { type: 'string' },
        mode: { type: 'string' },
        scope: { type: 'string' },
        office: { type: 'string' },
        'receipt-prefix': { type: 'string' },
        'ttl-hours': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    // node:util reports in English; name the option in Spanish terms instead.
    const option = /'(-[^' ]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`Falta el valor de la opción ${option}.`);
    throw new UsageError(`Opción desconocida: ${option || String(error)}.`);
  }
}
