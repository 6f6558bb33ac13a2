import { describe, expect, it } from "vitest";
import { createFaultDriver } from "../storage/fault-driver";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom, readFile, saveFile } from "./test-helpers";

describe("a full device", () => {
  it("fails the save with no_space and leaves every committed object unchanged", async () => {
    const inner = memoryDriver();
    const repo = await initSmall(inner);
    const data = pseudoRandom(400_000, 1);
    const ids = await saveFile(repo, data);
    const tree = await repo.saveTree({ nodes: [{ name: "a", type: "file", mode: 0o644, mtimeNs: "0", size: data.length, content: ids }] });
    await repo.saveSnapshot({ time: new Date().toISOString(), tree, paths: ["/"], hostname: "h" });
    const before = new Map<string, string>();
    for await (const k of inner.list("")) before.set(k, (await inner.read(k)).toString("base64"));

    const full = createFaultDriver(inner, { noSpaceFromWrite: 1 });
    const writer = await openRepository(full, { passphrase: "correct horse" });
    const error = await (async () => {
      await saveFile(writer, pseudoRandom(2_000_000, 2));
      await writer.flush();
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "no_space" });
    // Once failed, the handle refuses further work instead of pretending.
    await expect(writer.flush()).rejects.toMatchObject({ code: "no_space" });

    const after = new Map<string, string>();
    for await (const k of inner.list("")) after.set(k, (await inner.read(k)).toString("base64"));
    expect(after).toEqual(before);
    const reader = await openRepository(inner, { passphrase: "correct horse" });
    expect((await readFile(reader, ids)).equals(data)).toBe(true);
  });
});
