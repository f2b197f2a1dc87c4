/** A short two-tone chime made with Web Audio: no audio file to fetch. */
export function playAlertSound(): void {
  const AudioContextClass = window.AudioContext;
  if (AudioContextClass === undefined) return;
  const context = new AudioContextClass();
  const tones = [880, 1320];
  tones.forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    const start = context.currentTime + index * 0.12;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.11);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.12);
  });
  window.setTimeout(() => void context.close(), 600);
}
