import { describe, expect, it } from 'vitest';
import { applyKey } from '../../../src-renderer/touch-input/keyboard-edit';
import { spanishLayout } from '../../../src-renderer/touch-input/spanish-layout';

/**
 * Issue 12 item 9: the on-screen keyboard had no «#», yet Colombian addresses are written
 * «Calle 42 # 5-31». Every field typed on it must be typable on it: each sample below is what
 * a citizen writes in that field (and what its validation accepts), typed key by key.
 */
const keys = new Set(Object.values(spanishLayout).flatMap((rows) => rows.flatMap((row) => row.split(' '))));

/** The key presses that type `text`, or the characters no key types. */
function typeOn(text: string): { typed: string; missing: string[] } {
  let typed = '';
  const missing: string[] = [];
  for (const char of Array.from(text)) {
    const key = char === ' ' ? '{space}' : char;
    if (!keys.has(key)) missing.push(char);
    else typed = applyKey(typed, key, 500);
  }
  return { typed, missing };
}

const samples: Record<string, readonly string[]> = {
  Dirección: [
    'Calle 42 # 5-31 Apto 301',
    'Cra. 5 No. 40-12 (Bis) Barrio Belén',
    'Mz. B Casa 7, Urb. El Salado',
    'Km 3 vía Ibagué/Armenia',
  ],
  'Nombres y apellidos': ["María José O'Neill", 'Núñez-Güiza', 'ÁNGELA ÚRSULA'],
  'Correo electrónico': ['ana.perez_1@correo.co', 'maria-jose+kiosco@correo.gov.co'],
  Contraseña: ['Clave#2026!¿Sí?', 'mi frase: $ol & luna*', 'x=(a+b)/2;"ok"', '50% de 100 = 50'],
  'Número de documento (NIT)': ['900.123.456-8', '1098765432'],
  'Texto de la imagen': ['aB3dE9'],
};

describe('the on-screen keyboard types what each field takes', () => {
  it.each(Object.entries(samples))('%s', (_field, texts) => {
    for (const text of texts) {
      const { typed, missing } = typeOn(text);
      expect(missing, `«${text}» needs keys the keyboard lacks`).toEqual([]);
      expect(typed).toBe(text);
    }
  });

  it('switches to symbols and back with keys of its own, and nothing else types braces', () => {
    expect(keys.has('{symbols}')).toBe(true);
    expect(keys.has('{abc}')).toBe(true);
    expect(applyKey('Calle', '{symbols}', 50)).toBe('Calle');
    expect(applyKey('Calle', '{abc}', 50)).toBe('Calle');
  });
});
