import { describe, expect, it } from "vitest";
import { sniffContentType } from "./content-type.js";
import { routePatternMatches } from "./faults.js";
import { parseWorldSpec } from "./world/spec.js";
import { demoWorld } from "./demo-world.js";

describe("sniffContentType", () => {
  it("recognises formats by magic bytes, not names", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000002000000030806000000", "hex");
    expect(sniffContentType(png)).toEqual({ contentType: "image/png", width: 2, height: 3 });
    expect(sniffContentType(Buffer.from("GIF89a\x05\x00\x07\x00", "latin1"))).toMatchObject({
      contentType: "image/gif",
      width: 5,
      height: 7,
    });
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])).contentType).toBe("image/jpeg");
    expect(sniffContentType(Buffer.from("%PDF-1.7")).contentType).toBe("application/pdf");
    expect(sniffContentType(Buffer.from("héllo")).contentType).toBe("text/plain; charset=utf-8");
    expect(sniffContentType(Buffer.from([0, 1, 2, 3])).contentType).toBe(
      "application/octet-stream",
    );
    expect(sniffContentType(Buffer.from([0xc3, 0x28])).contentType).toBe(
      "application/octet-stream",
    );
  });
});

describe("fault route patterns", () => {
  it("matches :params, * and ** segments", () => {
    expect(routePatternMatches("/channels/:id/messages", "/channels/123/messages")).toBe(true);
    expect(routePatternMatches("/channels/*/messages", "/channels/123/messages/456")).toBe(false);
    expect(routePatternMatches("/channels/**", "/channels/123/messages/456")).toBe(true);
    expect(routePatternMatches("/guilds/:g", "/channels/1")).toBe(false);
  });
});

describe("world spec validation", () => {
  it("accepts the demo world and fills defaults", () => {
    const spec = parseWorldSpec(demoWorld);
    expect(spec.settings.cdnTtlSeconds).toBe(86_400);
    expect(spec.settings.rateLimits).toEqual({ enabled: true, globalPerSecond: 50, routes: {} });
  });

  it("rejects dangling references with a path", () => {
    const bad = {
      ...demoWorld,
      guilds: [{ ...demoWorld.guilds[1], members: [{ userId: "1196423538278539999" }] }],
    };
    expect(() => parseWorldSpec(bad)).toThrow(/unknown user/);
    const [collector, mirror] = demoWorld.applications;
    if (!collector || !mirror) throw new Error("demo world has two applications");
    const dupToken = {
      ...demoWorld,
      applications: [collector, { ...mirror, bot: { ...mirror.bot, token: collector.bot.token } }],
    };
    expect(() => parseWorldSpec(dupToken)).toThrow(/duplicate bot token/);
  });
});
