import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { ProcSampler, parseStatTicks, parseStatusRss, processTree } from "../src/proc.js";

describe("/proc parsing", () => {
  test("utime + stime, with spaces and parentheses in the command name", () => {
    const line = "4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0";
    expect(parseStatTicks(line)).toBe(325);
    expect(() => parseStatTicks("1 (x) S")).toThrow(/unexpected/);
  });

  test("VmRSS in bytes", () => {
    expect(parseStatusRss("Name:\tnode\nVmRSS:\t  2048 kB\nThreads: 3\n")).toBe(2048 * 1024);
    expect(parseStatusRss("Name:\tzombie\n")).toBe(0);
  });
});

describe("ProcSampler", () => {
  test("measures a busy child through its parent's tree", async () => {
    const parent = spawn(process.execPath, [
      "-e",
      `require("child_process").spawn(process.execPath, ["-e", "const e=Date.now()+1500; while(Date.now()<e){}"], {stdio:"inherit"}).on("exit", () => process.exit(0));`,
    ]);
    const pid = parent.pid ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processTree(pid).length).toBeGreaterThanOrEqual(2);
    const sampler = new ProcSampler(() => [{ name: "busy", pid }], 100);
    sampler.start();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const [usage] = sampler.stop();
    expect(usage?.name).toBe("busy");
    // A busy loop in the grandchild: its ticks reach the parent's tree (the box may be loaded, so no tight bound).
    expect(usage?.cpuPercent).toBeGreaterThan(5);
    expect(usage?.rssMaxMb).toBeGreaterThan(10);
    await new Promise((resolve) => parent.once("exit", resolve));
  });
});
