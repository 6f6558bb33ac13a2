import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "./actor";

// Unit test of the helper alone: the session is faked; the real sign-in path is covered by the
// authenticate integration tests and the e2e suite.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("./session", () => ({ getActor: async () => session.actor }));

const { defineAction, definePublicAction } = await import("./action");

const customer: Actor = { userId: 7, role: "customer", resellerId: 1, name: "C", login: "c@x" };
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("defineAction", () => {
  const handler = vi.fn(async (_input: { quota: number }, _actor: Actor) => ({ ok: true as const, message: "saved" }));
  const action = defineAction({ permission: "preferences.update", schema: z.object({ quota: z.coerce.number().int().positive("Quota must be positive.") }), handler });
  beforeEach(() => {
    handler.mockClear();
    session.actor = customer;
  });

  it("runs the handler with validated input and the actor", async () => {
    expect(await action(undefined, form({ quota: "5" }))).toEqual({ ok: true, message: "saved" });
    expect(handler).toHaveBeenCalledWith({ quota: 5 }, customer);
  });

  it("refuses without a session, before validating", async () => {
    session.actor = null;
    expect(await action(undefined, form({ quota: "5" }))).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers not found to a role without the permission", async () => {
    const adminOnly = defineAction({ permission: "resellers.read", schema: z.object({ quota: z.coerce.number() }), handler });
    expect(await adminOnly(undefined, form({ quota: "5" }))).toEqual({ ok: false, error: "Not found." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns field errors for invalid input and never calls the handler", async () => {
    expect(await action(undefined, form({ quota: "-1" }))).toEqual({ ok: false, error: "Quota must be positive.", fieldErrors: { quota: ["Quota must be positive."] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("shows an AppError's message but hides an unexpected error's internals", async () => {
    handler.mockRejectedValueOnce(new AppError("conflict", "That name is taken."));
    expect(await action(undefined, form({ quota: "5" }))).toEqual({ ok: false, error: "That name is taken." });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    handler.mockRejectedValueOnce(new Error("ER_PARSE_ERROR near 'select password_hash'"));
    const result = await action(undefined, form({ quota: "5" }));
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).not.toContain("password_hash");
    log.mockRestore();
  });

  it("turns a database outage into the database-unavailable message", async () => {
    handler.mockRejectedValueOnce(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    const result = await action(undefined, form({ quota: "5" }));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("metadata database is unavailable") });
  });
});

describe("definePublicAction", () => {
  it("validates without a session", async () => {
    session.actor = null;
    const action = definePublicAction({ schema: z.object({ name: z.string().min(1, "Enter a name.") }), handler: async ({ name }) => ({ ok: true, message: name }) });
    expect(await action(undefined, form({ name: "x" }))).toEqual({ ok: true, message: "x" });
    expect(await action(undefined, form({}))).toMatchObject({ ok: false });
  });
});
