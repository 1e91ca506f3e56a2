import { chooseSpanishVoice } from './voice-choice';

/**
 * The page's Web Speech API (`speechSynthesis`). Chromium on Linux gets its voices from
 * speech-dispatcher (docs/accessibility.md says which Debian packages give it a Spanish one);
 * without them the list is empty and the panel says so.
 */
function synthesis(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/**
 * The chosen voice, kept until the browser's list changes: with speech-dispatcher and espeak-ng,
 * Chromium lists some 13,000 voices (every language times every variant), too many to sift on
 * every render.
 */
let chosen: { readonly voice: SpeechSynthesisVoice | null } | null = null;
let watching = false;

export function spanishVoice(): SpeechSynthesisVoice | null {
  const synth = synthesis();
  if (synth === null) return null;
  if (!watching) {
    watching = true;
    synth.addEventListener('voiceschanged', () => {
      chosen = null;
    });
  }
  // An empty list is not kept: Chromium may not have listed its voices yet.
  if (chosen === null || chosen.voice === null) chosen = { voice: chooseSpanishVoice(synth.getVoices()) };
  return chosen.voice;
}

/** Calls `listener` when the browser's list of voices changes; returns the unsubscribe. */
export function onVoicesChanged(listener: () => void): () => void {
  const synth = synthesis();
  if (synth === null) return () => undefined;
  spanishVoice();
  synth.addEventListener('voiceschanged', listener);
  return () => synth.removeEventListener('voiceschanged', listener);
}

/**
 * Reads `lines` aloud, one after another, in a Spanish voice. `interrupt` first silences what
 * is being read (a new screen replaces the old one's words). Nothing happens without a Spanish
 * voice.
 */
export function speakLines(lines: readonly string[], interrupt: boolean): void {
  const synth = synthesis();
  const voice = spanishVoice();
  if (synth === null || voice === null) return;
  if (interrupt) synth.cancel();
  for (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    // A little slower than conversation: people listening at a kiosk are also reading and looking.
    utterance.rate = 0.9;
    synth.speak(utterance);
  }
}

export function stopSpeaking(): void {
  synthesis()?.cancel();
}
