"use client";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { FormNotice } from "@/components/ui/form-notice";
import {
  applicationServerKey,
  minutesFromTime,
  missingPushFeature,
  parsePairList,
  timeFromMinutes,
} from "@/lib/push-settings";

type Side = "long" | "short";
type Device = {
  id: Id<"pushSubscriptions">;
  endpoint: string;
  filters: { tierKeys: string[]; pairs: string[]; sides: Side[] };
  quietHours?: { start: number; end: number; timeZone: string };
};

function errorText(caught: unknown): string {
  const data = (caught as { data?: { message?: string } }).data;
  if (data?.message !== undefined) return data.message;
  if (caught instanceof DOMException && caught.name === "NotAllowedError") {
    return "Notifications are blocked for this site: allow them in the browser's site settings.";
  }
  return caught instanceof Error ? caught.message : "Something went wrong. Try again.";
}

/** This browser's push subscription with the service worker at /sw.js, if it has one. */
async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/**
 * Web Push on this device: turn it on (browser permission, PushManager.subscribe with the
 * deployment's VAPID key, then push.subscribe), pick tiers, pairs and sides, quiet hours in this
 * browser's time zone, send a test, turn it off. Access is checked again on every send.
 */
export function PushNotifications() {
  const config = useQuery(api.push.config, {});
  const mine = useQuery(api.push.mine, {});
  const subscribe = useMutation(api.push.subscribe);
  const updateSettings = useMutation(api.push.updateSettings);
  const unsubscribe = useMutation(api.push.unsubscribe);
  const sendTest = useMutation(api.push.sendTest);

  const [missing, setMissing] = useState<string | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tierKeys, setTierKeys] = useState<string[]>([]);
  const [pairs, setPairs] = useState("");
  const [sides, setSides] = useState<Side[]>(["long", "short"]);
  const [quiet, setQuiet] = useState(false);
  const [quietStart, setQuietStart] = useState("22:00");
  const [quietEnd, setQuietEnd] = useState("07:00");
  const [timeZone, setTimeZone] = useState("UTC");

  useEffect(() => {
    const gap = missingPushFeature({
      navigator,
      PushManager: "PushManager" in window ? window.PushManager : undefined,
      Notification: "Notification" in window ? window.Notification : undefined,
    });
    setMissing(gap);
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (gap !== null) return setChecked(true);
    currentSubscription()
      .then((subscription) => setEndpoint(subscription?.endpoint ?? null))
      .catch(() => setEndpoint(null))
      .finally(() => setChecked(true));
  }, []);

  const device: Device | undefined = mine?.devices.find((d) => d.endpoint === endpoint);
  const deviceId = device?.id;
  // Show the stored settings of this device when it is known.
  useEffect(() => {
    if (device === undefined) return;
    setTierKeys(device.filters.tierKeys);
    setPairs(device.filters.pairs.join(", "));
    setSides(device.filters.sides.length === 0 ? ["long", "short"] : device.filters.sides);
    setQuiet(device.quietHours !== undefined);
    if (device.quietHours !== undefined) {
      setQuietStart(timeFromMinutes(device.quietHours.start));
      setQuietEnd(timeFromMinutes(device.quietHours.end));
      setTimeZone(device.quietHours.timeZone);
    }
    // Only when the device itself changes: a re-render of the same row keeps what is being edited.
  }, [deviceId]);

  if (config === undefined || mine === undefined || !checked) {
    return (
      <Card>
        <p className="text-sm text-zinc-400">Loading notification settings…</p>
      </Card>
    );
  }

  const settings = () => {
    const start = minutesFromTime(quietStart);
    const end = minutesFromTime(quietEnd);
    if (quiet && (start === null || end === null)) throw new Error("Quiet hours need two times.");
    return {
      filters: { tierKeys, pairs: parsePairList(pairs), sides: sides.length === 2 ? [] : sides },
      ...(quiet && start !== null && end !== null ? { quietHours: { start, end, timeZone } } : {}),
    };
  };

  const run = (work: () => Promise<string>) => {
    setPending(true);
    setError(null);
    setNotice(null);
    work()
      .then(setNotice)
      .catch((caught: unknown) => setError(errorText(caught)))
      .finally(() => setPending(false));
  };

  const turnOn = () =>
    run(async () => {
      if (config.vapidPublicKey === null) throw new Error("Push is not set up on this server.");
      const chosen = settings();
      if ((await Notification.requestPermission()) !== "granted") {
        throw new Error(
          "Notifications are blocked for this site: allow them in the browser's site settings.",
        );
      }
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey(config.vapidPublicKey),
      });
      const json = subscription.toJSON();
      if (json.keys?.p256dh === undefined || json.keys.auth === undefined) {
        throw new Error("This browser did not give push keys.");
      }
      await subscribe({
        endpoint: subscription.endpoint,
        keys: { p256dh: json.keys.p256dh, auth: json.keys.auth },
        ...chosen,
      });
      setEndpoint(subscription.endpoint);
      return "Notifications are on for this device.";
    });

  const save = () =>
    run(async () => {
      if (deviceId === undefined) throw new Error("Turn notifications on first.");
      await updateSettings({ subscriptionId: deviceId, ...settings() });
      return "Saved.";
    });

  const turnOff = () =>
    run(async () => {
      const subscription = await currentSubscription();
      if (endpoint !== null) await unsubscribe({ endpoint });
      await subscription?.unsubscribe();
      setEndpoint(null);
      return "Notifications are off for this device.";
    });

  const test = () =>
    run(async () => {
      if (deviceId === undefined) throw new Error("Turn notifications on first.");
      await sendTest({ subscriptionId: deviceId });
      return "Test sent: it should arrive in a few seconds.";
    });

  const toggleTier = (key: string, on: boolean) =>
    setTierKeys((keys) => (on ? [...keys, key] : keys.filter((k) => k !== key)));
  const toggleSide = (side: Side, on: boolean) =>
    setSides((current) => (on ? [...current, side] : current.filter((s) => s !== side)));

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-white">Phone and desktop notifications</h2>
      {missing !== null ? (
        <p className="text-sm text-zinc-300">
          This browser has no {missing}. On iPhone, add the site to the Home Screen first (Share →
          Add to Home Screen) and open it from there.
        </p>
      ) : config.vapidPublicKey === null ? (
        <p className="text-sm text-zinc-300">Push notifications are not set up on this server.</p>
      ) : mine.tiers.length === 0 && device === undefined ? (
        <p className="text-sm text-zinc-300">
          Notifications for new signals come with a membership.
        </p>
      ) : (
        <>
          <p data-testid="push-status" className="text-sm text-zinc-300">
            {device === undefined
              ? "Notifications are off on this device."
              : "Notifications are on for this device."}
          </p>
          <fieldset className="flex flex-col gap-2 text-sm text-zinc-300">
            <legend className="mb-1 font-medium text-zinc-100">Which signals</legend>
            {mine.tiers.map((tier) => (
              <label key={tier.key} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={tierKeys.length === 0 || tierKeys.includes(tier.key)}
                  onChange={(event) => toggleTier(tier.key, event.target.checked)}
                />
                {tier.name}
              </label>
            ))}
            <label className="flex flex-col gap-1">
              Pairs (empty: all), e.g. BTC/USDT, ETH
              <input
                className="rounded-md border border-zinc-700 bg-zinc-950 px-3 py-2 text-zinc-100"
                value={pairs}
                onChange={(event) => setPairs(event.target.value)}
              />
            </label>
            <div className="flex gap-4">
              {(["long", "short"] as const).map((side) => (
                <label key={side} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={sides.includes(side)}
                    onChange={(event) => toggleSide(side, event.target.checked)}
                  />
                  {side === "long" ? "Longs" : "Shorts"}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="flex flex-col gap-2 text-sm text-zinc-300">
            <legend className="mb-1 font-medium text-zinc-100">Quiet hours</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
              No notifications between
            </label>
            <div className="flex items-center gap-2">
              <input
                type="time"
                aria-label="Quiet from"
                className="rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-zinc-100"
                value={quietStart}
                disabled={!quiet}
                onChange={(event) => setQuietStart(event.target.value)}
              />
              and
              <input
                type="time"
                aria-label="Quiet until"
                className="rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-zinc-100"
                value={quietEnd}
                disabled={!quiet}
                onChange={(event) => setQuietEnd(event.target.value)}
              />
              <span className="text-zinc-400">({timeZone})</span>
            </div>
          </fieldset>
          <FormError message={error} />
          <FormNotice message={notice} />
          <div className="flex flex-wrap gap-2">
            {device === undefined ? (
              <Button disabled={pending} onClick={turnOn}>
                Turn on notifications
              </Button>
            ) : (
              <>
                <Button disabled={pending} onClick={save}>
                  Save
                </Button>
                <Button variant="secondary" disabled={pending} onClick={test}>
                  Send a test
                </Button>
                <Button variant="secondary" disabled={pending} onClick={turnOff}>
                  Turn off on this device
                </Button>
              </>
            )}
          </div>
          {mine.devices.length > 0 ? (
            <p className="text-xs text-zinc-500">
              {mine.devices.length} device{mine.devices.length === 1 ? "" : "s"} get notifications
              for this account.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
