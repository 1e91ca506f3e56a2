/**
 * Colombian urban addresses. In a grid barrio `Calle 42 # 5-31` reads: on Calle 42, 31 metres
 * from its corner with Carrera 5. Urbanizaciones use `Manzana 14 Casa 7`. Consecutive
 * secuencias of a route are neighbours on the same street, as a meter reader walks them.
 */
import type { Route } from './route-layout';
import type { Rng } from './random';

/** Connections per street stretch walked by a route, and per block face. */
const perStreet = 60;
const perBlockFace = 12;
const housesPerManzana = 20;

export type AddressUnit = 'none' | 'apartment' | 'local';

function inRange(range: readonly [number, number], offset: number): number {
  const [lo, hi] = range;
  return lo + (offset % (hi - lo + 1));
}

export function addressFor(route: Route, position: number, unit: AddressUnit, rng: Rng): string {
  const { barrio } = route;
  let street: string;
  if (barrio.style === 'manzana') {
    const manzana = route.firstManzana + Math.floor(position / housesPerManzana);
    street = `Manzana ${manzana} Casa ${(position % housesPerManzana) + 1}`;
  } else {
    const stretch = Math.floor(position / perStreet);
    const face = Math.floor((position % perStreet) / perBlockFace);
    // Plates grow along the block face; the jitter keeps them from looking machine-made.
    const plate = 2 + (position % perBlockFace) * 8 + rng.int(0, 5);
    const sur = barrio.south ? ' Sur' : '';
    if (route.mainVia === 'Calle') {
      const calle = inRange(barrio.calles, route.streetOffset + stretch);
      const carrera = inRange(barrio.carreras, route.crossOffset + face);
      street = `Calle ${calle}${sur} # ${carrera}${route.crossLetter}-${plate}`;
    } else {
      const carrera = inRange(barrio.carreras, route.streetOffset + stretch);
      const calle = inRange(barrio.calles, route.crossOffset + face);
      street = `Carrera ${carrera}${route.crossLetter} # ${calle}${sur}-${plate}`;
    }
  }
  switch (unit) {
    case 'apartment':
      return `${street} Apto ${rng.int(1, 12)}0${rng.int(1, 4)}`;
    case 'local':
      return `${street} Local ${rng.int(1, 4)}`;
    case 'none':
      return street;
  }
}
