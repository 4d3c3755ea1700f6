import { describe, expect, it } from "vitest";
import { migrationDirectoryName } from "./migration-name";

describe("migrationDirectoryName", () => {
  it("prefixes a UTC timestamp and slugs the name", () => {
    expect(migrationDirectoryName("Ajout des trophées", new Date("2026-11-22T20:41:05Z"))).toBe("20261122204105_ajout_des_trophees");
  });
  it("refuses an empty name", () => {
    expect(() => migrationDirectoryName("  ")).toThrow(/Donnez un nom/);
  });
});
