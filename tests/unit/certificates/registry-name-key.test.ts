import { describe, expect, it } from 'vitest';
import { maxSearchWords, registryNameKey, searchWords } from '../../../src-shared/certificates/registry-name-key';

describe('the registry name key', () => {
  it('drops accents, case, abbreviation dots and punctuation', () => {
    expect(registryNameKey('FERRETERÍA EL TOLIMA S.A.S.')).toBe('ferreteria el tolima sas');
    expect(registryNameKey('Ferretería  el Tolima SAS')).toBe('ferreteria el tolima sas');
    expect(registryNameKey('TIENDA DOÑA MAFE')).toBe('tienda dona mafe');
    expect(registryNameKey('CONFECCIONES COMBEIMA LTDA.')).toBe('confecciones combeima ltda');
    expect(registryNameKey('PÉREZ & GÓMEZ S. EN C.')).toBe('perez gomez s en c');
    expect(registryNameKey('  ¡ÓSCAR!  ')).toBe('oscar');
  });

  it('splits a typed search into at most six normalised words, nothing searchable giving none', () => {
    expect(searchWords('  Ferret  TOLIMA ')).toEqual(['ferret', 'tolima']);
    expect(searchWords("'; DROP TABLE x; --")).toEqual(['drop', 'table', 'x']);
    expect(searchWords('a b c d e f g h')).toHaveLength(maxSearchWords);
    expect(searchWords(' .,- ')).toEqual([]);
  });
});
