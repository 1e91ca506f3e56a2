import { describe, expect, it } from 'vitest';
import { parseAsobancaria } from '../../../src-shared/wallet/asobancaria/parse-asobancaria';
import { writeAsobancaria } from '../../../src-shared/wallet/asobancaria/write-asobancaria';

/**
 * Asobancaria 2001 recaudos files (docs/bank-files.md): each record type read field by field,
 * the short last line a real bank sends, and the whole file refused — with the line at fault —
 * for a damaged record, a record out of order or a control total that does not add up.
 */

/** A synthetic file of three payments laid out as the standard says (trailing spaces added here). */
const exampleLines = [
  '0190012345682026011500700000012345678901202601160630A02',
  '0577099980004210001',
  '0600000000000000000000000000000000000000001234567800000015000000010100000100000000701230000001',
  '0600000000000000000000000000000000000000001234567900000008990000011200000200000000701230000002',
  '0600000000000000000000000000000000000000001234568000000125050000031500000300000000701230000003',
  '080000000030000000001490400000001',
  '09000000003000000000149040000',
];
const full = (lines: readonly string[]) => lines.map((l) => l.padEnd(162, ' '));
const file = (lines: readonly string[], end = '\r\n') => lines.join('\r\n') + end;

function rejection(text: string) {
  const parsed = parseAsobancaria(text);
  if (parsed.ok) throw new Error('the file was accepted');
  return parsed.rejection;
}

function accepted(text: string) {
  const parsed = parseAsobancaria(text);
  if (!parsed.ok) throw new Error(`refused: ${parsed.rejection.message}`);
  return parsed.file;
}

/** The example with line `n` (1-based) replaced by `line`, padded to 162. */
const withLine = (n: number, line: string) => full(exampleLines.map((l, i) => (i === n - 1 ? line : l)));

describe('parseAsobancaria: record types', () => {
  const parsed = accepted(file(full(exampleLines)));

  it('reads the file header (01)', () => {
    expect(parsed.header).toEqual({
      billerNit: '9001234568',
      collectedOn: '2026-01-15',
      bankCode: '007',
      account: '00000012345678901',
      fileDate: '2026-01-16',
      fileTime: '06:30',
      modifier: 'A',
      accountType: '02',
    });
  });

  it('reads the lot header (05)', () => {
    expect(parsed.lots).toEqual([{ serviceCode: '7709998000421', lotNumber: '0001', line: 2 }]);
  });

  it('reads each detail (06): reference without its zero fill, whole pesos, office, sequence, raw line', () => {
    expect(
      parsed.details.map((d) => [d.reference, d.amount, d.cents, d.origin, d.medium, d.office, d.sequence]),
    ).toEqual([
      ['12345678', 150_000, 0, '01', '01', '0123', '0000001'],
      ['12345679', 89_900, 0, '01', '12', '0123', '0000002'],
      ['12345680', 1_250_500, 0, '03', '15', '0123', '0000003'],
    ]);
    const first = parsed.details[0];
    expect(first?.line).toBe(3);
    expect(first?.raw).toBe(full(exampleLines)[2]);
    expect(first?.operation).toBe('000001');
    expect(first?.debitedBank).toBe('007');
    expect(first?.lotNumber).toBe('0001');
    expect(first?.returnCause).toBe('');
  });

  it('checks the lot (08) and file (09) controls and gives the total in pesos', () => {
    expect(parsed.totalAmount).toBe(1_490_400);
  });

  it('reads a reference aligned left with spaces, and ignores a byte-order mark', () => {
    const line = exampleLines[2] ?? '';
    const lines = withLine(3, `06${'12345678'.padEnd(48, ' ')}${line.slice(50)}`);
    const parsed = accepted(`\uFEFF${file(lines)}`);
    expect(parsed.details[0]?.reference).toBe('12345678');
    expect(parsed.header.bankCode).toBe('007');
  });

  it('refuses a reference with spaces or signs inside', () => {
    const line = exampleLines[2] ?? '';
    expect(rejection(file(withLine(3, `06${'1234 5678'.padStart(48, '0')}${line.slice(50)}`))).message).toBe(
      'Línea 3: la referencia del usuario «0000000000000000000000000000000000000001234 5678» no es válida.',
    );
  });

  it('accepts LF line ends and no final newline', () => {
    expect(accepted(full(exampleLines).join('\n')).details).toHaveLength(3);
  });
});

describe('parseAsobancaria: the short last line', () => {
  it('pads a truncated last record (09 without its reserved spaces, no newline)', () => {
    const lines = [...full(exampleLines.slice(0, -1)), exampleLines[6] ?? ''];
    expect(accepted(lines.join('\r\n')).totalAmount).toBe(1_490_400);
  });

  it('refuses a short line anywhere else, with its number', () => {
    const lines = full(exampleLines);
    lines[3] = exampleLines[3] ?? '';
    expect(rejection(file(lines))).toEqual({
      line: 4,
      message: 'Línea 4: tiene 94 caracteres; cada registro tiene 162 (solo el último puede venir más corto).',
    });
  });

  it('refuses a record longer than 162', () => {
    expect(rejection(file(withLine(5, `${(exampleLines[4] ?? '').padEnd(162, ' ')}X`))).line).toBe(5);
  });

  it('refuses a truncated last record whose numbers were cut off', () => {
    const lines = [...full(exampleLines.slice(0, -1)), '0900000000'];
    expect(rejection(lines.join('\r\n'))).toEqual({
      line: 7,
      message: 'Línea 7: total de registros del archivo «00000000» no es válido (9 dígitos).',
    });
  });
});

describe('parseAsobancaria: control totals', () => {
  it('refuses a lot whose count does not match (08)', () => {
    const r = rejection(file(withLine(6, '080000000040000000001490400000001')));
    expect(r.line).toBe(6);
    expect(r.message).toBe('Línea 6: el control del lote 0001 dice 4 registros, pero el lote tiene 3.');
  });

  it('refuses a lot whose amount does not match (08)', () => {
    const r = rejection(file(withLine(6, '080000000030000000001490500000001')));
    expect(r.message).toBe(
      'Línea 6: el control del lote 0001 dice un total de $ 1.490.500,00, pero sus registros suman $ 1.490.400,00.',
    );
  });

  it('refuses a lot control naming another lot', () => {
    expect(rejection(file(withLine(6, '080000000030000000001490400000002'))).message).toContain(
      'el control de lote dice lote 0002',
    );
  });

  it('refuses a file control whose count or amount does not match (09)', () => {
    expect(rejection(file(withLine(7, '09000000002000000000149040000')))).toEqual({
      line: 7,
      message: 'Línea 7: el control de archivo dice 2 registros, pero el archivo tiene 3.',
    });
    expect(rejection(file(withLine(7, '09000000003000000000149040001'))).message).toBe(
      'Línea 7: el control de archivo dice un total de $ 1.490.400,01, pero los registros suman $ 1.490.400,00.',
    );
  });

  it('adds lots up into the file control, and totals beyond a double’s exact range', () => {
    const text = writeAsobancaria({
      billerNit: '9001234568',
      collectedOn: '2026-01-15',
      bankCode: '007',
      serviceCode: '7709998000421',
      payments: [
        { reference: 100001, amount: 999_999_999_999, lotNumber: '1' },
        { reference: 100002, amount: 999_999_999_999, lotNumber: '2' },
        { reference: 100003, amount: 999_999_999_999, lotNumber: '2' },
      ],
    });
    const parsed = accepted(text);
    expect(parsed.lots.map((l) => l.lotNumber)).toEqual(['0001', '0002']);
    expect(parsed.details.map((d) => d.lotNumber)).toEqual(['0001', '0002', '0002']);
    // One centavo more in the 09's 18 digits: 299999999999700 + 1 is not exact in a double's cents.
    const lines = text.trimEnd().split('\r\n');
    const control = lines[lines.length - 1] ?? '';
    const bumped = `${control.slice(0, 11)}${(BigInt(control.slice(11, 29)) + 1n).toString().padStart(18, '0')}${control.slice(29)}`;
    lines[lines.length - 1] = bumped;
    expect(rejection(lines.join('\r\n')).line).toBe(lines.length);
  });
});

describe('parseAsobancaria: malformed records and order', () => {
  it('names the line of a detail with letters in its amount', () => {
    const bad = (exampleLines[3] ?? '').slice(0, 50) + '00000008X90000' + (exampleLines[3] ?? '').slice(64);
    expect(rejection(file(withLine(4, bad)))).toEqual({
      line: 4,
      message: 'Línea 4: valor recaudado «00000008X90000» no es válido (14 dígitos).',
    });
  });

  it('refuses an impossible collection date in the header', () => {
    const bad = '0190012345682026023000700000012345678901202601160630A02';
    expect(rejection(file(withLine(1, bad))).message).toBe(
      'Línea 1: fecha de recaudo «20260230» no es válido (una fecha AAAAMMDD).',
    );
  });

  it('refuses an unknown record type', () => {
    expect(rejection(file(withLine(4, `07${(exampleLines[3] ?? '').slice(2)}`))).message).toBe(
      'Línea 4: tipo de registro «07» desconocido (se esperaba un detalle (06) o un control de lote (08)).',
    );
  });

  it('refuses records out of order: a detail before its lot header, a file without its header', () => {
    const noLot = full([exampleLines[0] ?? '', ...exampleLines.slice(2)]);
    expect(rejection(file(noLot))).toEqual({
      line: 2,
      message: 'Línea 2: registro de detalle (06) fuera de orden; se esperaba un encabezado de lote (05).',
    });
    expect(rejection(file(full(exampleLines.slice(1)))).line).toBe(1);
  });

  it('refuses a lot with no details, and records after the file control', () => {
    const emptyLot = full([...exampleLines.slice(0, 2), '080000000000000000000000000000001', exampleLines[6] ?? '']);
    expect(rejection(file(emptyLot)).line).toBe(3);
    expect(rejection(file(full([...exampleLines, exampleLines[2] ?? '']))).message).toBe(
      'Línea 8: hay registros después del control de archivo (09).',
    );
  });

  it('refuses a file cut before its file control, naming its last line', () => {
    expect(rejection(file(full(exampleLines.slice(0, 5))))).toEqual({
      line: 5,
      message:
        'Línea 5: el archivo termina sin su control de archivo (09); se esperaba un detalle (06) o un control de lote (08). ¿Llegó incompleto?',
    });
  });

  it('refuses an empty file and a blank line in the middle', () => {
    expect(rejection('')).toEqual({ line: 1, message: 'El archivo está vacío: no tiene registros Asobancaria.' });
    const lines = full(exampleLines);
    lines.splice(3, 0, '');
    expect(rejection(file(lines)).line).toBe(4);
  });

  it('refuses a detail with a blank reference', () => {
    const bad = `06${' '.repeat(48)}${(exampleLines[2] ?? '').slice(50)}`;
    expect(rejection(file(withLine(3, bad))).message).toContain('Línea 3: referencia del usuario');
  });

  it('keeps centavos apart: a payment of $ 89.900,50 reads 89.900 pesos and 50 centavos', () => {
    const line = exampleLines[3] ?? '';
    const lines = withLine(4, `${line.slice(0, 50)}00000008990050${line.slice(64)}`);
    lines[5] = '080000000030000000001490400500001'.padEnd(162, ' ');
    lines[6] = '09000000003000000000149040050'.padEnd(162, ' ');
    const parsed = accepted(file(lines));
    expect(parsed.details[1]).toMatchObject({ amount: 89_900, cents: 50 });
  });
});

describe('writeAsobancaria', () => {
  it('writes 162-character CRLF records that read back as the payments given', () => {
    const text = writeAsobancaria({
      billerNit: '9001234568',
      collectedOn: '2026-01-15',
      bankCode: '7',
      serviceCode: '7709998000421',
      payments: [
        { reference: 100001, amount: 50_000, office: '0042' },
        { reference: '100002', amount: 1_250_500 },
      ],
    });
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => l.length)).toEqual([162, 162, 162, 162, 162, 162]);
    const parsed = accepted(text);
    expect(parsed.header.bankCode).toBe('007');
    expect(parsed.header.fileDate).toBe('2026-01-16');
    expect(parsed.details.map((d) => [d.reference, d.amount, d.office, d.sequence])).toEqual([
      ['100001', 50_000, '0042', '0000002'],
      ['100002', 1_250_500, '0001', '0000003'],
    ]);
    expect(parsed.totalAmount).toBe(1_300_500);
  });
});
