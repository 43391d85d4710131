// Version numbers as changelog headings and manifests write them: sameness, rollbacks, precedence.
import { describe, expect, it } from "vitest";
import { compareVersions, isLowerVersion, isSameVersion, notAVersion, semverLeadingZero, VERSION_SOURCE, versionScheme } from "../../src/release/version.js";

describe("compareVersions", () => {
  it("orders by semantic-versioning precedence, lowest first", () => {
    const ordered = ["0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "v1.0.1", "1.1", "1.10.0", "2.0.0"];
    for (let index = 0; index + 1 < ordered.length; index++) {
      expect(compareVersions(ordered[index], ordered[index + 1], "semver")).toBeLessThan(0);
      expect(compareVersions(ordered[index + 1], ordered[index], "semver")).toBeGreaterThan(0);
    }
  });

  it("reads PEP 440 pre-releases, ignores build metadata and the v, and refuses what is no version", () => {
    expect(compareVersions("2.0.0rc2", "2.0.0rc10", "pep440")).toBeLessThan(0);
    expect(compareVersions("2.0.0rc1", "2.0.0-rc.1", "pep440")).toBe(0);
    for (const scheme of ["semver", "pep440"] as const) {
      expect(compareVersions("2.0.0b1", "2.0.0", scheme)).toBeLessThan(0);
      expect(compareVersions("v1.2.3", "1.2.3", scheme)).toBe(0);
      expect(compareVersions("1.2", "1.2.0", scheme)).toBe(0);
      expect(compareVersions("banana", "1.0.0", scheme)).toBeUndefined();
      expect(compareVersions("1.0.0", "", scheme)).toBeUndefined();
    }
    // SemVer does not weigh build metadata; PEP 440 puts a local version above its release.
    expect(compareVersions("v1.2.3+build.5", "1.2.3", "semver")).toBe(0);
    expect(compareVersions("v1.2.3+build.5", "1.2.3", "pep440")).toBeGreaterThan(0);
  });
});

describe("SemVer pre-release identifiers", () => {
  it("are separated by dots only, so rc1 is one word and orders above rc.1, as npm's semver does", () => {
    expect(compareVersions("2.0.0-rc1", "2.0.0-rc.1", "semver")).toBeGreaterThan(0);
    expect(compareVersions("2.0.0-rc.1", "2.0.0-rc1", "semver")).toBeLessThan(0);
    expect(compareVersions("2.0.0-rc.2", "2.0.0-rc1", "semver")).toBeLessThan(0);
    // Two words compare in ASCII order, not by a number inside them: that is why npm writes rc.N.
    expect(compareVersions("2.0.0-rc2", "2.0.0-rc10", "semver")).toBeGreaterThan(0);
    // A hyphen belongs to its identifier: `x-1` is one, `x.1` two.
    expect(compareVersions("1.0.0-x-1", "1.0.0-x.1", "semver")).toBeGreaterThan(0);
    // The hyphen left out (npm's loose mode) is the same identifier.
    expect(compareVersions("2.0.0rc1", "2.0.0-rc1", "semver")).toBe(0);
    expect(isSameVersion("2.0.0-rc1", "2.0.0-rc.1", "semver")).toBe(false);
    expect(isSameVersion("2.0.0rc1", "2.0.0-rc1", "semver")).toBe(true);
  });

  it("may start, end or be made of hyphens, as SemVer 2.0.0 §9's [0-9A-Za-z-]+ allows, and order by §11", () => {
    // §11's example chain, with hyphenated identifiers where the ASCII order puts them: a
    // number below every word, `-` (0x2D) below digits and letters, a shorter word below a longer.
    const ordered = [
      "1.0.0-0", "1.0.0--", "1.0.0--x", "1.0.0-a", "1.0.0-a-", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
      "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-rc-1", "1.0.0-x-y-z.--", "1.0.0",
    ];
    for (let index = 0; index + 1 < ordered.length; index++) {
      expect(compareVersions(ordered[index], ordered[index + 1], "semver"), `${ordered[index]} < ${ordered[index + 1]}`).toBeLessThan(0);
      expect(compareVersions(ordered[index + 1], ordered[index], "semver"), `${ordered[index + 1]} > ${ordered[index]}`).toBeGreaterThan(0);
    }
    expect(isSameVersion("v1.0.0--x", "1.0.0--x", "semver")).toBe(true);
    expect(isSameVersion("1.0.0-a-", "1.0.0-a", "semver")).toBe(false);
    expect(versionScheme(["1.0.0--x", "1.0.0-a-"])).toBe("semver");
    // An identifier is never empty: a hyphen alone after the numbers, or a dot with nothing after it.
    for (const text of ["1.0.0-", "1.0.0-a.", "1.0.0-a..b"]) expect(compareVersions(text, "1.0.0", "semver"), text).toBeUndefined();
    const version = new RegExp(`^(?:${VERSION_SOURCE})$`, "i");
    for (const text of ["1.0.0-a-", "1.0.0-rc-1", "1.0.0--x", "v1.0.0-x-y-z.--"]) expect(version.test(text), text).toBe(true);
    for (const text of ["1.0.0-", "1.0.0-a.", "1.0.0-a..b"]) expect(version.test(text), text).toBe(false);
  });

  it("take build metadata whose identifiers start or end with hyphens (§10), and never weigh it", () => {
    const version = new RegExp(`^(?:${VERSION_SOURCE})$`, "i");
    for (const text of ["1.0.0+build-", "1.0.0+-build", "1.0.0+-", "1.0.0-rc.1+a-.-b", "v1.0.0+exp.sha-5114f85-"]) {
      expect(version.test(text), text).toBe(true);
      expect(compareVersions(text, text.replace(/\+.*/, ""), "semver"), text).toBe(0);
    }
    expect(compareVersions("1.0.0+build-", "1.0.0+-build", "semver")).toBe(0);
    expect(isSameVersion("1.0.0+build-", "1.0.0+build", "semver")).toBe(false);
    expect(isLowerVersion("1.0.0+build-", "1.0.0", "semver")).toBe(false);
    expect(semverLeadingZero("01.0.0+build-")).toBe(
      "its number 01 has a leading zero, which SemVer forbids in the major, minor and patch numbers (§2) and npm publish and cargo refuse; write 1.0.0+build-",
    );
    // An identifier is never empty: a `+` with nothing after it, or a dot with nothing on one side.
    for (const text of ["1.0.0+", "1.0.0+a.", "1.0.0+.a", "1.0.0+a..b"]) {
      expect(version.test(text), text).toBe(false);
      expect(compareVersions(text, "1.0.0", "semver"), text).toBeUndefined();
    }
  });

  it("compare letters by their case, as SemVer 2.0.0 §11 and npm's semver do: RC is another version, below rc", () => {
    expect(compareVersions("1.0.0-RC.1", "1.0.0-rc.1", "semver")).toBeLessThan(0);
    expect(compareVersions("1.0.0-rc.1", "1.0.0-RC.1", "semver")).toBeGreaterThan(0);
    // ASCII order: every upper-case letter sorts below every lower-case one.
    expect(compareVersions("1.0.0-Beta", "1.0.0-alpha", "semver")).toBeLessThan(0);
    expect(compareVersions("1.0.0-RC1", "1.0.0rc1", "semver")).toBeLessThan(0);
    expect(isSameVersion("1.0.0-RC.1", "1.0.0-rc.1", "semver")).toBe(false);
    expect(isLowerVersion("1.0.0-rc.1", "1.0.0-RC.1", "semver")).toBe(true);
    expect(isSameVersion("1.0.0+Build.1", "1.0.0+build.1", "semver")).toBe(false);
    // The v before the numbers is no part of the version, in either case.
    expect(isSameVersion("V1.2.3", "1.2.3", "semver")).toBe(true);
    expect(isSameVersion("V1.0.0-RC.1", "v1.0.0-RC.1", "semver")).toBe(true);
  });

  it("have no leading zeros, nor have the numbers before them (SemVer §9, §2): such a version is no SemVer version", () => {
    // npm's semver.valid("1.0.0-rc.01") is null; its loose mode reads rc.01 as rc.1.
    expect(compareVersions("1.0.0-rc.01", "1.0.0-rc.1", "semver")).toBeUndefined();
    expect(compareVersions("01.2.0", "1.2.0", "semver")).toBeUndefined();
    expect(isSameVersion("1.0.0-rc.01", "1.0.0-rc.1", "semver")).toBe(false);
    expect(isSameVersion("v1.0.0-rc.01", "1.0.0-rc.01", "semver")).toBe(true);
    // A zero alone is a number, a word may start with one, and build metadata may have leading zeros.
    expect(compareVersions("1.0.0-0", "1.0.0-rc01+build.007", "semver")).toBeLessThan(0);
    expect(semverLeadingZero("1.0.0-rc01+build.007")).toBeUndefined();
    expect(semverLeadingZero("1.0.0-x-01.0")).toBeUndefined();
    expect(semverLeadingZero("1.0.0-rc.01")).toBe(
      "its number 01 has a leading zero, which SemVer forbids in a numeric pre-release identifier (§9) and npm publish and cargo refuse; write 1.0.0-rc.1",
    );
    expect(semverLeadingZero("v01.2.03-00.x+b.01")).toBe(
      "its number 01 has a leading zero, which SemVer forbids in the major, minor and patch numbers (§2) and npm publish and cargo refuse; write v1.2.3-0.x+b.01",
    );
    // PEP 440 reads numbers by value: rc01 is rc1 there.
    expect(compareVersions("1.0.0-rc.01", "1.0.0rc1", "pep440")).toBe(0);
    expect(compareVersions("01.2.0", "1.2.0", "pep440")).toBe(0);
  });

  it("keep PEP 440's normalisation for a Python package", () => {
    expect(isSameVersion("1.0.0-RC.1", "1.0.0rc1", "pep440")).toBe(true);
    expect(compareVersions("2.0.0-rc1", "2.0.0-rc.1", "pep440")).toBe(0);
    expect(compareVersions("2.0.0rc2", "2.0.0rc10", "pep440")).toBeLessThan(0);
    expect(isSameVersion("2.0.0-rc1", "2.0.0-rc.1", "pep440")).toBe(true);
  });
});

describe("compareVersions with PEP 440 versions", () => {
  it("orders them as PEP 440 does: dev < a < b < rc < final < post, epoch first", () => {
    // Each row is lower than the next; versions on one row are equal.
    const table = [
      ["0.9", "0.9.0"],
      ["1.0.dev1", "1.0.0.dev1", "1.0-dev1"],
      ["1.0a1.dev2"],
      ["1.0a1", "1.0alpha1", "1.0.a1", "1.0-a.1"],
      ["1.0a1.post1"],
      ["1.0a2"],
      ["1.0b1", "1.0beta1", "1.0_b1"],
      ["1.0rc1", "1.0c1", "1.0pre1", "1.0preview1", "1.0RC1", "1.0-rc.1", "1.0rc.1"],
      ["1.0rc10"],
      ["1.0", "1.0.0", "v1.0.0", "0!1.0"],
      ["1.0+local.1"],
      ["1.0.post1.dev3"],
      ["1.0.post1", "1.0-post1", "1.0post1", "1.0.rev1", "1.0r1", "1.0.0.post1"],
      ["1.0.post1+abc.10"],
      ["1.0.post1+local.1"],
      ["1.0.post1+local.2", "1.0.post1+local-2"],
      ["1.0.post1+local.10"],
      ["1.0.post1+local.10.a"],
      ["1.0.post1+1"],
      ["1.0.post2"],
      ["1.0.1.dev0"],
      ["1.0.1"],
      ["1.2.3.4"],
      ["1!0.1"],
    ];
    for (let row = 0; row < table.length; row++) {
      for (const version of table[row]) {
        for (const same of table[row]) expect(compareVersions(version, same, "pep440"), `${version} = ${same}`).toBe(0);
        for (const higher of table.slice(row + 1).flat()) {
          expect(compareVersions(version, higher, "pep440"), `${version} < ${higher}`).toBeLessThan(0);
          expect(compareVersions(higher, version, "pep440"), `${higher} > ${version}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("reads a hyphenated version as SemVer under semver and as PEP 440 spells it under pep440", () => {
    // npm's `npm version prerelease` writes 1.0.1-0: a pre-release, where PEP 440 reads a post-release.
    expect(compareVersions("1.0.1-0", "1.0.1", "semver")).toBeLessThan(0);
    expect(compareVersions("1.0.1-0", "1.0.1", "pep440")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0-alpha.1", "1.0.0-dev.1", "semver")).toBeLessThan(0);
    expect(compareVersions("1.0.0+build.2", "1.0.0", "semver")).toBe(0);
    expect(compareVersions("1.0-1", "1.0.post1", "pep440")).toBe(0);
    expect(compareVersions("1.0.0-alpha.beta", "1.0.0rc1", "semver")).toBeLessThan(0);
    expect(compareVersions("1.0.0-alpha.beta", "1.0.0rc1", "pep440")).toBeUndefined();
    expect(compareVersions("1.0.post", "1.0.0", "pep440")).toBeGreaterThan(0);
    expect(compareVersions("1.0.post1", "1.x", "pep440")).toBeUndefined();
  });

  it("takes PEP 440 versions, with or without a v, for versions in headings and --version", () => {
    const version = new RegExp(`^(?:${VERSION_SOURCE})$`, "i");
    for (const text of ["1.2.3.post1", "v1.2.3.post1", "2.0.0rc1", "2.0.0.dev3", "1.0a2", "1!2.0", "1.0.post1.dev2", "1.0_rc1", "1.0RC1", "1.0+ubuntu_1"]) {
      expect(version.test(text), text).toBe(true);
    }
    for (const text of ["1.x", "1.2.x", "2024-03-18", "1", "1.0.development"]) expect(version.test(text), text).toBe(false);
  });
});

describe("isLowerVersion and isSameVersion", () => {
  it("calls a rollback lower, a release back to its pre-release too, but never a pre-release made final", () => {
    expect(isLowerVersion("2.0.0", "1.9.0", "semver")).toBe(true);
    expect(isLowerVersion("1.0.0-rc.1", "1.0.0", "semver")).toBe(false);
    expect(isLowerVersion("1.0.0", "1.0.0-rc.1", "semver")).toBe(true);
    expect(isLowerVersion("1.0.0-rc.2", "1.0.0-rc.1", "semver")).toBe(true);
    // npm's `npm version prerelease` numbering: 1.0.1-0 is below 1.0.1.
    expect(isLowerVersion("1.0.1", "1.0.1-0", "semver")).toBe(true);
    // Build metadata is not weighed, and what is no SemVer version falls back to its numbers.
    expect(isLowerVersion("1.0.0+build.2", "1.0.0+build.1", "semver")).toBe(false);
    expect(isLowerVersion("2.0.0.post1", "1.0.0", "semver")).toBe(true);
    expect(isSameVersion("v1.2.3", "1.2.3", "semver")).toBe(true);
  });

  it("weighs a PEP 440 epoch, pre- and post-releases, and knows one PEP 440 version however it is spelled", () => {
    expect(isLowerVersion("1!1.0", "2.0", "pep440")).toBe(true);
    expect(isLowerVersion("2.0", "1!1.0", "pep440")).toBe(false);
    expect(isLowerVersion("1.0", "1.0.post1", "pep440")).toBe(false);
    expect(isLowerVersion("1.0.post1", "1.0", "pep440")).toBe(true);
    expect(isLowerVersion("1.0rc1", "1.0", "pep440")).toBe(false);
    expect(isLowerVersion("1.0", "1.0rc1", "pep440")).toBe(true);
    expect(isLowerVersion("1.0", "1.0.dev1", "pep440")).toBe(true);
    // npm's 1.0.0-1 is 1.0.0.post1 to PEP 440: higher there, lower under SemVer.
    expect(isLowerVersion("1.0.0", "1.0.0-1", "pep440")).toBe(false);
    expect(isLowerVersion("1.0.0", "1.0.0-1", "semver")).toBe(true);
    expect(isSameVersion("2.0.0rc1", "2.0.0-rc.1", "pep440")).toBe(true);
    expect(isSameVersion("1.0.post1", "1.0.0.post1", "pep440")).toBe(true);
    expect(isSameVersion("1.0.0RC1", "1.0.0c1", "pep440")).toBe(true);
    expect(isSameVersion("1.0.post1", "1.0.post2", "pep440")).toBe(false);
    // Two SemVer spellings stay distinct names, as before.
    expect(isSameVersion("1.2", "1.2.0", "semver")).toBe(false);
    expect(isSameVersion("1.0.0+build.1", "1.0.0", "semver")).toBe(false);
  });
});

describe("one version order per changelog", () => {
  // Versions as an npm, a cargo and a Python changelog may mix them: npm's numbered pre-releases
  // (`1.0.0-1`), PEP 440's post- and dev-releases, epochs, local versions and build metadata.
  const mixed = [
    "1.0.0-1", "1.0.0-0", "1.0.0", "1.0", "v1.0.0", "1.0.0.post0", "1.0.0.post1", "1.0.0-post1", "1.0.0rc1", "1.0.0-rc.1",
    "1.0.0-rc.2", "1.0.0.dev1", "1.0.0-alpha", "1.0.0a1", "1.0.0+build.1", "1.0.0+local.2", "0.9.9", "1.0.1-0", "1.0.1",
    "1!0.1", "2.0.0b3", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-RC.1", "1.0.0-Beta.2", "1.0.0-rc.01", "banana",
    "1.0.0--x", "1.0.0-rc-1", "1.0.0-a-",
  ];
  const threeNumbersNoBuild = (version: string) => {
    const [numbers, rest] = /^v?([\d.]+?)((?:-|[a-z]).*)?$/i.exec(version.replace(/\+.*/, ""))?.slice(1) ?? [version, ""];
    return `${[...numbers.split("."), "0", "0"].slice(0, 3).join(".")}${rest ?? ""}`;
  };
  const shuffled = (seed: number) => {
    const out = [...mixed];
    for (let index = out.length - 1; index > 0; index--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const other = seed % (index + 1);
      [out[index], out[other]] = [out[other], out[index]];
    }
    return out;
  };

  for (const scheme of ["semver", "pep440"] as const) {
    it(`is a total order under ${scheme}: antisymmetric, transitive, and the same sort from any input order`, () => {
      const versions = mixed.filter((version) => compareVersions(version, version, scheme) !== undefined);
      const compare = (a: string, b: string) => compareVersions(a, b, scheme) as number;
      for (const a of versions) {
        for (const b of versions) {
          expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a)), `${a} vs ${b}`).toBe(0);
          for (const c of versions) {
            if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c), `${a} <= ${b} <= ${c}`).toBeLessThanOrEqual(0);
          }
        }
      }
      // Versions equal in the order (1.0 and 1.0.0) keep their input order in a stable sort, so
      // compare the sorted lists class by class.
      const classes = (list: string[]) => {
        const sorted = [...list].sort(compare);
        return sorted.map((version) => sorted.filter((other) => compare(version, other) === 0).sort().join(" = "));
      };
      const once = classes(shuffled(7).filter((version) => versions.includes(version)));
      for (const seed of [1, 2, 3, 42]) expect(classes(shuffled(seed).filter((version) => versions.includes(version)))).toEqual(once);
    });

    it(`calls two versions the same under ${scheme} only when the order finds them equal`, () => {
      // Text that is no version of the scheme (`banana`, `1.0.0.post0` under SemVer) is only
      // ever the same as itself.
      const versions = mixed.filter((version) => compareVersions(version, version, scheme) !== undefined);
      for (const other of mixed.filter((version) => !versions.includes(version))) {
        expect(mixed.filter((version) => isSameVersion(other, version, scheme))).toEqual([other]);
      }
      for (const a of versions) {
        for (const b of versions) {
          const same = isSameVersion(a, b, scheme);
          const equal = compareVersions(a, b, scheme) === 0;
          if (same) expect(equal, `${a} same as ${b}`).toBe(true);
          // PEP 440 equality is sameness. SemVer's order ignores build metadata and reads a
          // missing number as 0, but `1.0` and `1.0.0+build.1` stay other names than `1.0.0`.
          else if (equal) {
            expect(scheme, `${a} = ${b}`).toBe("semver");
            expect(isSameVersion(threeNumbersNoBuild(a), threeNumbersNoBuild(b), scheme), `${a} = ${b}`).toBe(true);
          }
        }
      }
    });
  }

  it("reads npm's 1.0.0-1 as a pre-release under SemVer and as a post-release under PEP 440", () => {
    expect(compareVersions("1.0.0-1", "1.0.0", "semver")).toBeLessThan(0);
    expect(compareVersions("1.0.0-1", "1.0.0", "pep440")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0-1", "1.0.0.post0", "pep440")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0.post0", "1.0.0", "semver")).toBeUndefined();
    expect(isSameVersion("1.0.0-1", "1.0.0.post1", "semver")).toBe(false);
    expect(isSameVersion("1.0.0-1", "1.0.0.post1", "pep440")).toBe(true);
    expect(isSameVersion("1.2", "1.2.0", "pep440")).toBe(true);
  });

  it("decides the scheme once from all the versions: PEP 440 when one is written the Python way and all are PEP 440", () => {
    expect(versionScheme(["1.0.0", "1.0.0-1", "0.9.0"])).toBe("semver");
    expect(versionScheme(["1.0.0", "1.0.0-1", "1.0.0.post0"])).toBe("pep440");
    expect(versionScheme(["1.0.0rc1", "1.0.0-alpha.beta"])).toBe("semver");
    expect(versionScheme(["1.0.0rc1", "banana"])).toBe("pep440");
  });
});

// Checked by tsc (`npm test` runs it), not at run time: per pair, 1.0.0-1 < 1.0.0 (SemVer),
// 1.0.0 < 1.0.0.post0 and 1.0.0.post0 < 1.0.0-1 (PEP 440), a circle and no order; so these
// functions take the package's scheme from their caller, and a call without one does not compile.
export function callsWithoutAScheme(): void {
  // @ts-expect-error the scheme is required
  compareVersions("1.0.0-1", "1.0.0");
  // @ts-expect-error the scheme is required
  isSameVersion("1.0.0-1", "1.0.0.post1");
  // @ts-expect-error the scheme is required
  isLowerVersion("1.0.0", "1.0.0-1");
}

describe("notAVersion", () => {
  it("passes the spellings compareVersions reads and says why anything else is no version of the scheme", () => {
    for (const version of ["1.2.3", "v1.2.3", "1.2", "2.0.0rc1", "1.0.0-rc.1+build.5", "1.0.0-rc.01"]) expect(notAVersion(version, "semver"), version).toBeUndefined();
    for (const version of ["1.2.3", "1.0.post1", "1!2.0", "2.0.0-rc.1", "1.0rc01"]) expect(notAVersion(version, "pep440"), version).toBeUndefined();
    const semver = "expected one such as 1.2.3 or 2.0.0-rc.1, as npm publish and cargo require";
    expect([notAVersion("banana", "semver"), notAVersion("1.0.0.post1", "semver"), notAVersion("1.x", "semver")]).toEqual([semver, semver, semver]);
    expect(notAVersion("banana", "pep440")).toBe("expected one such as 1.2.3, 2.0.0rc1 or 1.2.3.post1, as pip requires");
    // Read whole: a version followed by more lines is none, and neither is one with blanks, under either scheme.
    for (const scheme of ["semver", "pep440"] as const) {
      expect(notAVersion("1.0.0\nsecond line\n999", scheme)).toBe("it holds a line break; a version is one word, such as 1.2.3");
      expect(notAVersion("1.0.0\r\n", scheme)).toBe("it holds a line break; a version is one word, such as 1.2.3");
      expect(notAVersion(" 1.0.0", scheme)).toBe("it holds a blank; a version is one word, such as 1.2.3");
      expect(notAVersion("1.0.0\u0000", scheme)).toBe("it holds a control character; a version is one word, such as 1.2.3");
    }
  });
});
