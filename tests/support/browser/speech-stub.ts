import type { BrowserContext, Page } from 'playwright-core';

/** A voice as the page's `speechSynthesis.getVoices()` lists it. */
export interface StubVoice {
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
}

/** What the page asked the speech engine to do, in order. */
export type SpeechRecord =
  | { readonly kind: 'speak'; readonly text: string; readonly lang: string; readonly voice: string | null }
  | { readonly kind: 'cancel' };

export const colombianVoice: StubVoice = { name: 'Español (Colombia)', lang: 'es-CO', localService: true };

/**
 * Replaces the page's Web Speech API before the app loads: `getVoices()` lists `voices`, and
 * `speak()`/`cancel()` are recorded instead of played, so a test asserts what a citizen would
 * hear on a machine with those voices, and CI needs no audio and no speech-dispatcher.
 */
export async function stubSpeech(context: BrowserContext, voices: readonly StubVoice[]): Promise<void> {
  await context.addInitScript((list: readonly StubVoice[]) => {
    const records: unknown[] = [];
    const voiceObjects = list.map((voice) => ({ ...voice, default: false, voiceURI: voice.name }));
    class StubUtterance {
      text: string;
      lang = '';
      voice: { name: string; lang: string } | null = null;
      rate = 1;
      pitch = 1;
      volume = 1;
      constructor(text = '') {
        this.text = text;
      }
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => voiceObjects,
      speak: (utterance: StubUtterance) =>
        records.push({
          kind: 'speak',
          text: utterance.text,
          lang: utterance.lang,
          voice: utterance.voice?.name ?? null,
        }),
      cancel: () => records.push({ kind: 'cancel' }),
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => true,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StubUtterance, configurable: true });
    Object.defineProperty(window, '__speech', { value: records });
  }, voices);
}

/** Everything recorded since the page loaded. */
export async function speechRecords(page: Page): Promise<SpeechRecord[]> {
  return page.evaluate(() => (window as unknown as { __speech: SpeechRecord[] }).__speech.slice());
}

/** The texts queued after the last `cancel`: what the citizen is hearing now. */
export async function spokenNow(page: Page): Promise<string[]> {
  const records = await speechRecords(page);
  const lastCancel = records.map((record) => record.kind).lastIndexOf('cancel');
  return records.slice(lastCancel + 1).flatMap((record) => (record.kind === 'speak' ? [record.text] : []));
}
