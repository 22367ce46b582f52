import { useCallback, useRef } from 'react';

/** A short two-tone chime through WebAudio; silent until the page has had a user gesture. */
export function useChime(enabled: boolean): () => void {
  const ctx = useRef<AudioContext | undefined>(undefined);
  return useCallback(() => {
    if (!enabled || typeof AudioContext === 'undefined') return;
    ctx.current ??= new AudioContext();
    const audio = ctx.current;
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    [880, 1320].forEach((freq, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const start = audio.currentTime + i * 0.18;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 0.17);
    });
  }, [enabled]);
}
