import { useCallback, useRef, useState } from 'react';

export type Tone = 'arrival' | 'void';

/** Arrival: a bright two-tone chime. Void: three low, harsh beeps nobody mistakes for an arrival. */
const tones: Record<Tone, { freq: number; at: number; length: number; wave: OscillatorType }[]> = {
  arrival: [
    { freq: 880, at: 0, length: 0.16, wave: 'sine' },
    { freq: 1320, at: 0.18, length: 0.16, wave: 'sine' },
  ],
  void: [0, 0.25, 0.5].map((at) => ({ freq: 330, at, length: 0.2, wave: 'square' as const })),
};

/**
 * Plays tones through WebAudio (silent until the page has had a user gesture) and counts what
 * it played, per tone, so the screen can expose it to tests and support.
 */
export function useChime(enabled: boolean): { play: (tone: Tone) => void; played: Readonly<Record<Tone, number>> } {
  const ctx = useRef<AudioContext | undefined>(undefined);
  const [played, setPlayed] = useState<Record<Tone, number>>({ arrival: 0, void: 0 });
  const play = useCallback(
    (tone: Tone) => {
      if (!enabled) return;
      setPlayed((p) => ({ ...p, [tone]: p[tone] + 1 }));
      if (typeof AudioContext === 'undefined') return;
      ctx.current ??= new AudioContext();
      const audio = ctx.current;
      if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
      for (const note of tones[tone]) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        const start = audio.currentTime + note.at;
        osc.type = note.wave;
        osc.frequency.value = note.freq;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + note.length);
        osc.connect(gain).connect(audio.destination);
        osc.start(start);
        osc.stop(start + note.length + 0.01);
      }
    },
    [enabled],
  );
  return { play, played };
}
