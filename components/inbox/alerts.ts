"use client";

/** Sound and desktop alerts for the agent. Both are opt-outs stored per browser, never downloaded assets. */

const MUTE_KEY = "cx.inbox.sound-muted";
let audio: AudioContext | null = null;
let lastChime = 0;

export const isSoundMuted = () => typeof window !== "undefined" && window.localStorage.getItem(MUTE_KEY) === "1";
export const setSoundMuted = (muted: boolean) => window.localStorage.setItem(MUTE_KEY, muted ? "1" : "0");

/** Two short sine notes. Browsers only allow audio after a user gesture; before that this is silently a no-op. */
export function playChime() {
  if (typeof window === "undefined" || isSoundMuted()) return;
  const now = Date.now();
  // A burst of messages is one chime, not a drum roll.
  if (now - lastChime < 1500) return;
  lastChime = now;
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
    const t0 = audio.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      const start = t0 + i * 0.12;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.18, start + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 0.2);
    }
  } catch {
    // No audio device or API: the badge still shows the news.
  }
}

export type DesktopPermission = NotificationPermission | "unsupported";

export function desktopPermission(): DesktopPermission {
  return typeof window !== "undefined" && "Notification" in window ? window.Notification.permission : "unsupported";
}

/** Must run from a click: browsers ignore (or penalize) permission prompts that no gesture asked for. */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (desktopPermission() === "unsupported") return "unsupported";
  return window.Notification.requestPermission();
}

/** Only while the tab is in the background: in front, the badge and the sound say enough. */
export function showDesktopNotification(title: string, body: string, tag: string, onClick: () => void) {
  if (desktopPermission() !== "granted" || document.visibilityState === "visible") return;
  try {
    const n = new window.Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some mobile browsers only allow notifications from a service worker.
  }
}
