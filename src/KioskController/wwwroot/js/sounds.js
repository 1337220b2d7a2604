// Two short sounds, made by an oscillator so the kiosk needs no audio files: a rising pair of notes when all went
// well, a low double note when something needs the patron's attention. A site turns them off with status.sounds=false.
let context = null;

function tone(frequency, start, length) {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = frequency;
  const at = context.currentTime + start;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + length + 0.05);
}

function play(notes) {
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") context.resume();
    for (const [frequency, start, length] of notes) tone(frequency, start, length);
  } catch {
    // No audio device: the screen says everything the sound does.
  }
}

/** Creates the player; enabled() is asked at each sound, so a status change takes effect at once. */
export function createSounds(enabled) {
  return {
    done: () => { if (enabled()) play([[660, 0, 0.15], [880, 0.16, 0.22]]); },
    problem: () => { if (enabled()) play([[220, 0, 0.2], [220, 0.28, 0.3]]); },
  };
}
