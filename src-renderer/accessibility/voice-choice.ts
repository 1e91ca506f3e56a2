/** What the choice needs of a `SpeechSynthesisVoice`. */
export interface VoiceLike {
  readonly lang: string;
  readonly name: string;
  readonly localService: boolean;
}

/** Spanish as Colombians hear it first, then Latin American, then any Spanish. */
const preferredLangs = ['es-co', 'es-419', 'es-mx', 'es-us'];

const normalise = (lang: string): string => lang.toLowerCase().replace('_', '-');

/**
 * The voice spoken guidance uses: a Spanish one, Colombian if the machine has it, a voice on the
 * machine before one from a network service (a kiosk's text must not leave the kiosk). `null`
 * when there is no Spanish voice: reading Spanish with an English voice would not help anyone.
 */
export function chooseSpanishVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const spanish = voices.filter((voice) => normalise(voice.lang) === 'es' || normalise(voice.lang).startsWith('es-'));
  const local = spanish.filter((voice) => voice.localService);
  const pool = local.length > 0 ? local : spanish;
  for (const lang of preferredLangs) {
    const found = pool.find((voice) => normalise(voice.lang) === lang);
    if (found !== undefined) return found;
  }
  return pool[0] ?? null;
}
