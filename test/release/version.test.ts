// Version numbers as changelog headings and manifests write them: sameness, rollbacks, precedence.
import { describe, expect, it } from "vitest";
import { compareVersions, isLowerVersion, isSameVersion } from "../../src/release/version.js";

describe("compareVersions", () => {
  it("orders by semantic-versioning precedence, lowest first", () => {
    const ordered = ["0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "v1.0.1", "1.1", "1.10.0", "2.0.0"];
    for (let index = 0; index + 1 < ordered.length; index++) {
      expect(compareVersions(ordered[index], ordered[index + 1])).toBeLessThan(0);
      expect(compareVersions(ordered[index + 1], ordered[index])).toBeGreaterThan(0);
    }
  });

  it("reads PEP 440 pre-releases, ignores build metadata and the v, and refuses what is no version", () => {
    expect(compareVersions("2.0.0rc2", "2.0.0rc10")).toBeLessThan(0);
    expect(compareVersions("2.0.0rc1", "2.0.0-rc.1")).toBe(0);
    expect(compareVersions("2.0.0b1", "2.0.0")).toBeLessThan(0);
    expect(compareVersions("v1.2.3+build.5", "1.2.3")).toBe(0);
    expect(compareVersions("1.2", "1.2.0")).toBe(0);
    expect(compareVersions("banana", "1.0.0")).toBeUndefined();
    expect(compareVersions("1.0.0", "")).toBeUndefined();
  });
});

describe("isLowerVersion and isSameVersion", () => {
  it("calls a rollback lower but never a pre-release made final", () => {
    expect(isLowerVersion("2.0.0", "1.9.0")).toBe(true);
    expect(isLowerVersion("1.0.0-rc.1", "1.0.0")).toBe(false);
    expect(isLowerVersion("1.0.0", "1.0.0-rc.1")).toBe(false);
    expect(isSameVersion("v1.2.3", "1.2.3")).toBe(true);
  });
});
