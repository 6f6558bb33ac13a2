import { auditEvents, moveJobs, type MoveJobState } from "../schema";
import { insertInBatches, type SeedTransaction } from "./batch";
import { DAY, GiB, MiB, MINUTE } from "./format";
import type { AccountHistory } from "./history";
import type { InfrastructureIds, InfrastructurePlan } from "./infrastructure";
import type { SeedClock } from "./options";
import { kindProfiles } from "./profiles";
import type { Random } from "./random";
import { measureAccountUsage } from "./samples";
import type { TenantIds, TenantsPlan } from "./tenants";

export interface MoveJobPlan {
  accountIndex: number;
  fromDevice: number;
  toDevice: number;
  state: MoveJobState;
  bytesTotal: number;
  bytesCopied: number;
  objectsTotal: number;
  objectsCopied: number;
  claimedByServer: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

type Actor = { kind: "admin" } | { kind: "reseller"; index: number } | { kind: "daemon" };
type Target = { type: "reseller"; index: number } | { type: "user"; customerIndex: number } | { type: "account"; index: number } | { type: "move_job"; index: number };

export interface AuditEventPlan {
  at: number;
  actor: Actor;
  resellerIndex: number | null;
  action: string;
  target: Target;
  details: Record<string, unknown>;
}

export interface OperationsPlan {
  moveJobs: MoveJobPlan[];
  auditEvents: AuditEventPlan[];
}

const gracePeriodMs = 7 * DAY;

function objectsFor(bytes: number): number {
  // Pack files of ~16 MiB, plus indexes, snapshot manifests and the repository's own files.
  return Math.max(1, Math.round(bytes / (16 * MiB) + bytes / (6 * GiB) + 12));
}

function pickMover(infrastructure: InfrastructurePlan, from: number, to: number): number {
  const source = infrastructure.devices[from]?.mountedBy ?? [];
  const target = infrastructure.devices[to]?.mountedBy ?? [];
  return source.find((s) => target.includes(s)) ?? target[0] ?? 0;
}

/** The finished move of the busy device's biggest account, and one move that failed and left the source in place. */
function planMoveJobs(random: Random, clock: SeedClock, infrastructure: InfrastructurePlan, histories: AccountHistory[]): MoveJobPlan[] {
  const jobs: MoveJobPlan[] = [];
  for (const history of histories) {
    const move = history.account.move;
    if (!move) continue;
    const bytes = measureAccountUsage(history, move.startAt) ?? 0;
    const objects = objectsFor(bytes);
    const finishedAt = move.switchAt + gracePeriodMs;
    const done = finishedAt <= clock.now;
    jobs.push({
      accountIndex: history.account.index,
      fromDevice: move.fromDevice,
      toDevice: history.account.deviceIndex,
      state: done ? "done" : "grace",
      bytesTotal: bytes,
      bytesCopied: bytes,
      objectsTotal: objects,
      objectsCopied: objects,
      claimedByServer: pickMover(infrastructure, move.fromDevice, history.account.deviceIndex),
      error: null,
      createdAt: move.startAt - random.int(3, 40) * MINUTE,
      updatedAt: done ? finishedAt : move.switchAt,
      finishedAt: done ? finishedAt : null,
    });
  }
  const from = 3;
  const to = 0;
  const candidate = histories.find((h) => h.account.role === "normal" && !h.account.move && h.account.deviceIndex === from && h.account.createdDay === null);
  if (candidate && clock.days >= 3) {
    const createdAt = clock.dayStart(clock.days - random.int(2, Math.min(6, clock.days - 1))) + random.int(9 * 60, 16 * 60) * MINUTE + random.int(0, 59_999);
    const bytes = measureAccountUsage(candidate, createdAt) ?? 0;
    const objects = objectsFor(bytes);
    const fraction = random.between(0.2, 0.7);
    const percent = Math.round(fraction * 100);
    const failedAt = createdAt + MINUTE + Math.round(((bytes * fraction) / (300 * MiB)) * 1000);
    jobs.push({
      accountIndex: candidate.account.index,
      fromDevice: from,
      toDevice: to,
      state: "failed",
      bytesTotal: bytes,
      bytesCopied: Math.round(bytes * fraction),
      objectsTotal: objects,
      objectsCopied: Math.round(objects * fraction),
      claimedByServer: pickMover(infrastructure, from, to),
      error: `copy failed at ${percent}%: writing to ${infrastructure.devices[to]?.name ?? "the target"} returned EIO (input/output error); nothing was switched and the source stays authoritative`,
      createdAt,
      updatedAt: failedAt,
      finishedAt: failedAt,
    });
  }
  return jobs;
}

const suspensionReasons = ["Unpaid invoices (90 days overdue)", "Customer request: office closed for refurbishment", "Contract ended", "Device stolen: suspended until the customer confirms"];

export function planOperations(random: Random, clock: SeedClock, infrastructure: InfrastructurePlan, tenants: TenantsPlan, histories: AccountHistory[]): OperationsPlan {
  const jobs = planMoveJobs(random.fork("moves"), clock, infrastructure, histories);
  const events: AuditEventPlan[] = [];
  const reseller = (index: number): Actor => ({ kind: "reseller", index });

  for (const r of tenants.resellers) {
    events.push({ at: r.createdAt, actor: { kind: "admin" }, resellerIndex: r.index, action: "reseller.create", target: { type: "reseller", index: r.index }, details: { name: r.name } });
  }
  for (const c of tenants.customers) {
    if (c.createdAt < clock.firstDay) continue;
    events.push({
      at: c.createdAt,
      actor: reseller(c.resellerIndex),
      resellerIndex: c.resellerIndex,
      action: "user.create",
      target: { type: "user", customerIndex: c.index },
      details: { login: c.login, role: "customer" },
    });
  }
  for (const h of histories) {
    const a = h.account;
    if (a.createdDay !== null) {
      events.push({
        at: a.createdAt,
        actor: reseller(a.resellerIndex),
        resellerIndex: a.resellerIndex,
        action: "account.create",
        target: { type: "account", index: a.index },
        details: { loginName: a.loginName, quotaBytes: h.quotaBytes, storageDevice: infrastructure.devices[a.deviceIndex]?.name ?? null },
      });
    }
    if (a.suspendAt !== null) {
      events.push({
        at: a.suspendAt,
        actor: reseller(a.resellerIndex),
        resellerIndex: a.resellerIndex,
        action: "account.suspend",
        target: { type: "account", index: a.index },
        details: { loginName: a.loginName, reason: random.pick(suspensionReasons) },
      });
    }
  }

  // A few resellers raised a quota before it got tight.
  const raised = random
    .shuffle(histories.filter((h) => h.account.role === "normal" && h.account.createdDay === null && !h.account.move))
    .filter((h) => kindProfiles[h.account.kind].quotasGiB.some((q) => q * GiB < h.quotaBytes))
    .slice(0, 3);
  for (const h of raised) {
    const lower = kindProfiles[h.account.kind].quotasGiB.filter((q) => q * GiB < h.quotaBytes).pop() ?? 0;
    const at = clock.dayStart(random.int(1, clock.days)) + random.int(9 * 60, 17 * 60) * MINUTE + random.int(0, 59_999);
    if (at >= clock.now || (measureAccountUsage(h, at) ?? 0) > lower * GiB * 0.95) continue;
    events.push({
      at,
      actor: reseller(h.account.resellerIndex),
      resellerIndex: h.account.resellerIndex,
      action: "account.quota.update",
      target: { type: "account", index: h.account.index },
      details: { loginName: h.account.loginName, fromBytes: lower * GiB, toBytes: h.quotaBytes },
    });
  }

  jobs.forEach((job, index) => {
    const account = tenants.accounts[job.accountIndex];
    if (!account) return;
    const common = { resellerIndex: account.resellerIndex, target: { type: "move_job" as const, index } };
    const route = { loginName: account.loginName, from: infrastructure.devices[job.fromDevice]?.name, to: infrastructure.devices[job.toDevice]?.name };
    events.push({ ...common, at: job.createdAt, actor: { kind: "admin" }, action: "move.create", details: route });
    if (job.state === "failed" && job.finishedAt !== null) {
      events.push({ ...common, at: job.finishedAt, actor: { kind: "daemon" }, action: "move.fail", details: { ...route, error: job.error } });
      return;
    }
    if (account.move) events.push({ ...common, at: account.move.switchAt, actor: { kind: "daemon" }, action: "move.switch", details: { ...route, bytes: job.bytesTotal } });
    if (job.state === "done" && job.finishedAt !== null) events.push({ ...common, at: job.finishedAt, actor: { kind: "daemon" }, action: "move.done", details: { ...route, sourceDeleted: true } });
  });

  events.sort((a, b) => a.at - b.at);
  return { moveJobs: jobs, auditEvents: events };
}

export async function insertOperations(tx: SeedTransaction, plan: OperationsPlan, tenants: TenantIds, infrastructure: InfrastructureIds): Promise<void> {
  const moveIds: number[] = [];
  for (const job of plan.moveJobs) {
    // Few rows: one insert each, so each id is known without relying on consecutive auto-increments.
    const [row] = await tx
      .insert(moveJobs)
      .values({
        accountId: tenants.accountIds[job.accountIndex] as number,
        fromDeviceId: infrastructure.deviceIds[job.fromDevice] as number,
        toDeviceId: infrastructure.deviceIds[job.toDevice] as number,
        state: job.state,
        bytesTotal: job.bytesTotal,
        bytesCopied: job.bytesCopied,
        objectsTotal: job.objectsTotal,
        objectsCopied: job.objectsCopied,
        claimedByServerId: infrastructure.serverIds[job.claimedByServer] ?? null,
        error: job.error,
        createdByUserId: tenants.adminId,
        createdAt: new Date(job.createdAt),
        updatedAt: new Date(job.updatedAt),
        finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt),
      })
      .$returningId();
    moveIds.push(row?.id ?? 0);
  }
  const actorId = (actor: Actor): number | null => (actor.kind === "admin" ? tenants.adminId : actor.kind === "reseller" ? (tenants.resellerUserIds[actor.index] ?? null) : null);
  const ip = (actor: Actor): string | null => (actor.kind === "admin" ? "198.51.100.23" : actor.kind === "reseller" ? `203.0.113.${10 + actor.index}` : null);
  const targetId = (target: Target): number | undefined => {
    switch (target.type) {
      case "reseller":
        return tenants.resellerIds[target.index];
      case "user":
        return tenants.customerUserIds[target.customerIndex];
      case "account":
        return tenants.accountIds[target.index];
      case "move_job":
        return moveIds[target.index];
    }
  };
  await insertInBatches(
    tx,
    auditEvents,
    plan.auditEvents.map((e) => ({
      at: new Date(e.at),
      actorUserId: actorId(e.actor),
      resellerId: e.resellerIndex === null ? null : (tenants.resellerIds[e.resellerIndex] ?? null),
      action: e.action,
      targetType: e.target.type,
      targetId: String(targetId(e.target) ?? ""),
      details: e.details,
      ip: ip(e.actor),
    })),
  );
}
