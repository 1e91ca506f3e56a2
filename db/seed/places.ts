/**
 * An Ibagué-like city: 13 comunas and their barrios. The barrio names are real Ibagué place
 * names; their grouping into comunas, their estratos, street ranges and weights are
 * approximations chosen for demonstration (they give the city-wide estrato mix of a mid-size
 * Colombian city: most subscribers in estratos 2 and 3). Nothing here is cadastral data.
 */

export type Estrato = 1 | 2 | 3 | 4 | 5 | 6;

/** How addresses look in the barrio: street grid, or manzana/casa as in most urbanizaciones. */
export type AddressStyle = 'grid' | 'manzana';

export interface Barrio {
  readonly name: string;
  /** Comuna number 1–13; it is also the reading cycle (ciclo) of the barrio's routes. */
  readonly comuna: number;
  /** Predominant estrato of the barrio's homes. */
  readonly estrato: Estrato;
  readonly style: AddressStyle;
  /** Ranges of calle and carrera numbers crossing the barrio (grid addresses). */
  readonly calles: readonly [number, number];
  readonly carreras: readonly [number, number];
  /** Southern half of the city: addresses read `Calle 20 Sur`. */
  readonly south?: boolean;
  /** Relative number of connections (routes are drawn with this weight). */
  readonly weight: number;
  /** Share of non-residential connections: shops dominate the centre, industry the south-east. */
  readonly comercial: number;
  readonly industrial: number;
}

const b = (
  name: string,
  comuna: number,
  estrato: Estrato,
  style: AddressStyle,
  calles: readonly [number, number],
  carreras: readonly [number, number],
  weight: number,
  mix: { comercial?: number; industrial?: number; south?: boolean } = {},
): Barrio => ({
  name,
  comuna,
  estrato,
  style,
  calles,
  carreras,
  weight,
  comercial: mix.comercial ?? 0.05,
  industrial: mix.industrial ?? 0.002,
  ...(mix.south ? { south: true } : {}),
});

export const barrios: readonly Barrio[] = [
  b('Centro', 1, 3, 'grid', [10, 21], [1, 5], 5, { comercial: 0.4 }),
  b('La Pola', 1, 3, 'grid', [7, 12], [1, 3], 2, { comercial: 0.12 }),
  b('Interlaken', 1, 3, 'grid', [8, 11], [1, 2], 1),
  b('Pueblo Nuevo', 1, 3, 'grid', [14, 20], [1, 2], 2),
  b('Belén', 1, 3, 'grid', [16, 22], [4, 8], 3, { comercial: 0.1 }),
  b('Libertador', 1, 2, 'grid', [20, 26], [1, 3], 3),
  b('Ancón', 2, 2, 'grid', [2, 8], [1, 4], 3),
  b('Clarita Botero', 2, 1, 'manzana', [1, 5], [1, 3], 3),
  b('Gaitán', 2, 2, 'grid', [24, 30], [2, 6], 3),
  b('Villa Pinzón', 2, 1, 'manzana', [1, 4], [1, 2], 2),
  b('La Trinidad', 2, 1, 'grid', [27, 32], [1, 3], 2),
  b('Calambeo', 2, 3, 'grid', [33, 37], [1, 3], 2),
  b('El Carmen', 3, 3, 'grid', [27, 33], [4, 5], 3, { comercial: 0.1 }),
  b('Hipódromo', 3, 3, 'grid', [34, 38], [4, 5], 2),
  b('San Simón', 3, 3, 'grid', [31, 36], [8, 11], 2),
  b('Magdalena', 3, 2, 'grid', [28, 33], [8, 12], 3),
  b('Piedrapintada', 4, 4, 'grid', [37, 45], [5, 8], 4, { comercial: 0.08 }),
  b('Rincón de Piedrapintada', 4, 5, 'grid', [45, 48], [6, 8], 2),
  b('La Gaviota', 4, 3, 'manzana', [42, 46], [8, 10], 3),
  b('Los Ocobos', 4, 3, 'grid', [39, 43], [8, 11], 2),
  b('Jordán 1ª etapa', 5, 3, 'grid', [56, 60], [4, 6], 3),
  b('Jordán 4ª etapa', 5, 3, 'manzana', [60, 64], [6, 8], 3),
  b('Jordán 8ª etapa', 5, 4, 'grid', [64, 69], [7, 9], 3, { comercial: 0.08 }),
  b('Jordán 9ª etapa', 5, 4, 'manzana', [69, 73], [8, 10], 2),
  b('La Campiña', 5, 4, 'grid', [58, 62], [1, 4], 2),
  b('Ambalá', 6, 4, 'grid', [69, 80], [1, 5], 3),
  b('Los Arrayanes', 6, 3, 'manzana', [76, 82], [1, 3], 2),
  b('Villa Café', 6, 2, 'manzana', [84, 90], [1, 4], 3),
  b('Los Alpes', 6, 2, 'grid', [86, 92], [4, 6], 2),
  b('El Salado', 7, 2, 'manzana', [130, 150], [1, 10], 6, { comercial: 0.06 }),
  b('Ciudadela Simón Bolívar', 7, 1, 'manzana', [104, 112], [1, 6], 5),
  b('Tierra Firme', 7, 1, 'manzana', [116, 120], [3, 7], 3),
  b('Villa del Sol', 7, 2, 'manzana', [122, 128], [1, 4], 3),
  b('Protecho', 7, 2, 'manzana', [100, 104], [2, 5], 2),
  b('Jardín Santander', 8, 2, 'grid', [94, 99], [4, 8], 5),
  b('Topacio', 8, 2, 'manzana', [60, 66], [11, 14], 3),
  b('Nueva Castilla', 8, 2, 'manzana', [66, 72], [12, 16], 4),
  b('Atolsure', 8, 2, 'manzana', [70, 74], [14, 17], 2),
  b('Modelia', 8, 3, 'grid', [72, 78], [10, 13], 2),
  b('Picaleña', 9, 3, 'grid', [80, 96], [18, 24], 4, { industrial: 0.03 }),
  b('El Vergel', 9, 5, 'grid', [83, 89], [10, 14], 2),
  b('Cañaveral', 9, 4, 'grid', [78, 83], [14, 18], 2),
  b('Santa Rita', 9, 4, 'manzana', [88, 93], [14, 17], 2),
  b('Entrerríos', 9, 6, 'grid', [94, 100], [10, 13], 2),
  b('Cádiz', 10, 3, 'grid', [37, 42], [4, 5], 3, { comercial: 0.15 }),
  b('Palermo', 10, 4, 'grid', [42, 47], [1, 4], 2),
  b('Santa Helena', 10, 5, 'grid', [47, 52], [2, 5], 2),
  b('Altos de Santa Helena', 10, 6, 'grid', [52, 55], [1, 3], 1),
  b('La Francia', 10, 3, 'grid', [44, 48], [5, 6], 2),
  b('Kennedy', 11, 2, 'grid', [19, 25], [10, 14], 4, { south: true }),
  b('Granada', 11, 2, 'grid', [14, 19], [8, 12], 3, { south: true }),
  b('Los Mártires', 11, 2, 'grid', [11, 15], [12, 16], 3, { south: true }),
  b('Ricaurte', 12, 2, 'grid', [19, 26], [16, 20], 5, { south: true, comercial: 0.1 }),
  b('La Esperanza', 12, 2, 'manzana', [26, 30], [18, 22], 3, { south: true }),
  b('Boquerón', 12, 1, 'manzana', [30, 36], [20, 24], 4, { south: true }),
  b('Mirolindo', 13, 2, 'grid', [60, 70], [40, 48], 4, { south: true, industrial: 0.04 }),
  b('Chapetón', 13, 1, 'manzana', [2, 8], [1, 4], 2, { south: true }),
  b('La Martinica', 13, 1, 'manzana', [70, 74], [48, 52], 2, { south: true }),
  b('Brisas del Combeima', 13, 1, 'manzana', [8, 12], [2, 5], 2, { south: true }),
];

export const municipality = 'Ibagué';

export const comunas: readonly number[] = [...new Set(barrios.map((x) => x.comuna))].sort((x, y) => x - y);

export function barriosOf(comuna: number): readonly Barrio[] {
  return barrios.filter((x) => x.comuna === comuna);
}

/** A comuna's share of the city: the sum of its barrios' weights. */
export function comunaWeight(comuna: number): number {
  return barriosOf(comuna).reduce((sum, x) => sum + x.weight, 0);
}
