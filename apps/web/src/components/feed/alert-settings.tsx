"use client";

import { useEffect, useState } from "react";
import { useAlertPreference } from "./alert-preferences";

/** Opt-in desktop notifications and sound for new signals. */
export function AlertSettings() {
  const [notify, setNotify] = useAlertPreference("notify");
  const [sound, setSound] = useAlertPreference("sound");
  // Decided after hydration: the server render cannot know, and must match the first client render.
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported("Notification" in window), []);
  return (
    <fieldset className="flex flex-wrap gap-4 text-sm text-zinc-300">
      <legend className="sr-only">Alerts for new signals</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={notify}
          disabled={!supported}
          onChange={(event) => {
            const on = event.target.checked;
            if (!on) return setNotify(false);
            void Notification.requestPermission().then((permission) =>
              setNotify(permission === "granted"),
            );
          }}
        />
        Desktop notifications
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => setSound(event.target.checked)}
        />
        Sound
      </label>
    </fieldset>
  );
}
