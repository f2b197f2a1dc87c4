import { describe, expect, test } from "vitest";
import {
  applicationServerKey,
  minutesFromTime,
  missingPushFeature,
  parsePairList,
  timeFromMinutes,
} from "./push-settings";

describe("push settings helpers", () => {
  test("times of day round-trip; bad ones are null", () => {
    expect(minutesFromTime("22:30")).toBe(1350);
    expect(minutesFromTime("00:00")).toBe(0);
    expect(minutesFromTime("24:00")).toBeNull();
    expect(minutesFromTime("7:00")).toBeNull();
    expect(timeFromMinutes(1350)).toBe("22:30");
    expect(timeFromMinutes(420)).toBe("07:00");
  });

  test("pair lists: commas or spaces, upper case, no repeats", () => {
    expect(parsePairList(" btc/usdt, eth  sol,ETH ")).toEqual(["BTC/USDT", "ETH", "SOL"]);
    expect(parsePairList("")).toEqual([]);
  });

  test("the VAPID key decodes to the 65-byte uncompressed point", () => {
    const key =
      "BNbxGYNMhEIi9zrneh7mqV4oUanjLUK3m-mYZBc62frMKrEoMk88r3Lk596T0ck9xlT-A5ZJ0Wnrad7m6oKYvwo";
    const bytes = applicationServerKey(key);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
  });

  test("names the first missing feature", () => {
    expect(missingPushFeature({ navigator: {} })).toBe("service workers");
    expect(missingPushFeature({ navigator: { serviceWorker: {} } })).toBe("push messaging");
    expect(
      missingPushFeature({ navigator: { serviceWorker: {} }, PushManager: {}, Notification: {} }),
    ).toBeNull();
  });
});
