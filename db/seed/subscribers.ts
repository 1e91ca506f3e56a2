/**
 * One subscriber (suscriptor) from (seed, index). Everything about a subscriber that does not
 * change month to month lives here; bills and payments are in account-history.ts.
 */
import { addressFor, type AddressUnit } from './addresses';
import { industryName, personName, publicBodyName, shopName } from './people';
import { municipality, type Barrio, type Estrato } from './places';
import { Rng, streams } from './random';
import { routeCapacity, type RouteLayout } from './route-layout';
import type { SubscriberRow, Uso } from './rows';

/**
 * Códigos internos are spaced by 8 with a random offset, so they look assigned over years
 * rather than counted, stay unique (each index owns its own window) and have 6–7 digits up to
 * about 1.2 million subscribers.
 */
const codigoBase = 100_000;
const codigoStride = 8;

/** Routes have at most 999 connections (four-digit secuencias): about five million in all. */
export const maxSubscriberIndex = routeCapacity - 1;

const meterBrands = ['IT', 'EL', 'ZN', 'SW', 'AC'] as const;

export interface SubscriberProfile {
  readonly index: number;
  readonly row: SubscriberRow;
  /** Reading cycle: decides the day bills are issued. */
  readonly ciclo: number;
}

export function codigoInternoWindow(index: number): { min: number; max: number } {
  const min = codigoBase + index * codigoStride;
  return { min, max: min + codigoStride - 1 };
}

/** The index that owns a código interno (inverse of the windows above). */
export function indexOfCodigo(codigoInterno: number): number {
  return Math.floor((codigoInterno - codigoBase) / codigoStride);
}

function chooseUso(barrio: Barrio, rng: Rng): Uso {
  const roll = rng.float();
  if (roll < barrio.comercial) return 'comercial';
  if (roll < barrio.comercial + barrio.industrial) return 'industrial';
  if (roll < barrio.comercial + barrio.industrial + 0.01) return 'oficial';
  return 'residencial';
}

/** Most homes share their barrio's estrato; a fifth sit one step above or below. */
function chooseEstrato(barrio: Barrio, rng: Rng): Estrato {
  const roll = rng.float();
  const shifted = roll < 0.1 ? barrio.estrato - 1 : roll < 0.2 ? barrio.estrato + 1 : barrio.estrato;
  return Math.min(6, Math.max(1, shifted)) as Estrato;
}

function holderFor(uso: Uso, barrio: Barrio, rng: Rng): string {
  switch (uso) {
    case 'residencial':
      return personName(rng);
    case 'comercial':
      return rng.chance(0.6) ? shopName(rng) : personName(rng);
    case 'industrial':
      return industryName(rng);
    case 'oficial':
      return publicBodyName(rng, barrio.name);
  }
}

function unitFor(uso: Uso, estrato: Estrato, barrio: Barrio, rng: Rng): AddressUnit {
  if (barrio.style === 'manzana') return 'none';
  if (uso === 'comercial') return rng.chance(0.35) ? 'local' : 'none';
  if (uso === 'residencial') return rng.chance(estrato >= 4 ? 0.45 : 0.08) ? 'apartment' : 'none';
  return 'none';
}

/** murmur3-style mixing of a round's input with the seed; integer arithmetic only, the same on every engine. */
function mix(seed: number, round: number, value: number): number {
  let h = Math.imul(value ^ Math.imul(round + 1, 0x9e3779b1) ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A permutation of [0, 2^24): four Feistel rounds on two 12-bit halves. */
function feistel24(seed: number, value: number): number {
  let left = value >>> 12;
  let right = value & 0xfff;
  for (let round = 0; round < 4; round += 1) {
    const next = left ^ (mix(seed, round, right) & 0xfff);
    left = right;
    right = next;
  }
  return (left << 12) | right;
}

/**
 * Seven digits unique per index that do not follow the index: meter numbers come from the
 * manufacturer, so neither the código interno nor a neighbour's meter tells a subscriber's
 * (the kiosk's validation questions ask it). Cycle-walking keeps the permutation below 10^7.
 */
function serialDigits(seed: number, index: number): number {
  let value = index;
  do value = feistel24(seed, value);
  while (value >= 10_000_000);
  return value;
}

/** `IT-19-4827163`: brand, installation year, and a serial unique per index. */
function meterSerialFor(seed: number, index: number, rng: Rng): string {
  const serial = serialDigits(seed, index);
  const year = rng.int(8, 25);
  return `${rng.pick(meterBrands)}-${String(year).padStart(2, '0')}-${String(serial).padStart(7, '0')}`;
}

export function subscriberAt(seed: number, index: number, layout: RouteLayout): SubscriberProfile {
  if (!Number.isSafeInteger(index) || index < 0 || index > maxSubscriberIndex) {
    throw new RangeError(`Subscriber index out of range: ${index}`);
  }
  const rng = Rng.derive(seed, streams.subscriber, index);
  const { route, position, codigoRuta } = layout.locate(index);
  const { barrio } = route;
  const uso = chooseUso(barrio, rng);
  const estrato = chooseEstrato(barrio, rng);
  const window = codigoInternoWindow(index);
  const row: SubscriberRow = {
    codigoInterno: window.min + rng.int(0, codigoStride - 1),
    codigoRuta,
    holderName: holderFor(uso, barrio, rng),
    estrato,
    uso,
    address: addressFor(route, position, unitFor(uso, estrato, barrio, rng), rng),
    neighborhood: barrio.name,
    municipality,
    meterSerial: meterSerialFor(seed, index, rng),
  };
  return { index, row, ciclo: route.ciclo };
}
