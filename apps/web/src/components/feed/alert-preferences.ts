"use client";

import { useCallback, useSyncExternalStore } from "react";

type Key = "notify" | "sound";
const storageKey = (key: Key) => `g3.alerts.${key}`;
const listeners = new Set<() => void>();

function read(key: Key): boolean {
  try {
    return window.localStorage.getItem(storageKey(key)) === "1";
  } catch {
    return false;
  }
}

/** A per-browser on/off preference for desktop notifications or the alert sound. */
export function useAlertPreference(key: Key): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => read(key),
    () => false,
  );
  const set = useCallback(
    (on: boolean) => {
      try {
        window.localStorage.setItem(storageKey(key), on ? "1" : "0");
      } catch {
        // Private mode: the preference lasts for this page only.
      }
      listeners.forEach((listener) => listener());
    },
    [key],
  );
  return [value, set];
}
