import { describe, expect, it } from 'vitest';
import { chooseSpanishVoice, type VoiceLike } from '../../../src-renderer/accessibility/voice-choice';

const voice = (name: string, lang: string, localService = true): VoiceLike => ({ name, lang, localService });

/** Spoken guidance reads Spanish screens: which of the machine's voices it uses. */
describe('the voice of spoken guidance', () => {
  it('prefers Colombian Spanish, then Latin American, then any Spanish', () => {
    const english = voice('English (America)', 'en-US');
    const spain = voice('Español (España)', 'es-ES');
    const latin = voice('Spanish (Latin America) espeak-ng', 'es-419');
    const colombia = voice('Español (Colombia)', 'es-CO');
    expect(chooseSpanishVoice([english, spain, latin, colombia])).toBe(colombia);
    expect(chooseSpanishVoice([english, spain, latin])).toBe(latin);
    expect(chooseSpanishVoice([english, spain])).toBe(spain);
    // Some engines write the region with an underscore, or give the language alone.
    expect(chooseSpanishVoice([english, voice('es', 'es')])?.name).toBe('es');
    expect(chooseSpanishVoice([voice('co', 'es_CO'), spain])?.name).toBe('co');
  });

  it('keeps the words on the kiosk: a voice on the machine before a network one', () => {
    const online = voice('Google español de Estados Unidos', 'es-US', false);
    const local = voice('Spanish espeak-ng', 'es');
    expect(chooseSpanishVoice([online, local])).toBe(local);
    expect(chooseSpanishVoice([online])).toBe(online);
  });

  it('has no voice rather than a foreign one: English would read Spanish unintelligibly', () => {
    expect(chooseSpanishVoice([])).toBeNull();
    expect(
      chooseSpanishVoice([voice('English (America)', 'en-US'), voice('Português', 'pt-BR'), voice('Estonian', 'et')]),
    ).toBeNull();
  });
});
