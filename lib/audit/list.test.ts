import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS } from "./list";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function sourceFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(ROOT, folder), { withFileTypes: true })) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await sourceFiles(child)));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(child);
  }
  return found;
}

describe("audit labels", () => {
  it("name in French every action the code records, so the journal never shows a code", async () => {
    const recorded = new Set<string>();
    for (const file of [...(await sourceFiles("lib")), ...(await sourceFiles("app"))]) {
      const text = await readFile(path.join(ROOT, file), "utf8");
      // `action: "x.y"` in recordAudit calls, and both arms of `action: cond ? "x.y" : "x.z"`.
      for (const match of text.matchAll(/action:\s*([^,\n]+)/g)) {
        for (const literal of match[1]!.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) recorded.add(literal[1]!);
      }
    }
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((action) => !(action in AUDIT_ACTION_LABELS)).sort()).toEqual([]);
  });
});
