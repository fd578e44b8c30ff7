import { timingSafeEqual } from "node:crypto";
import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { inScope, newSecret, type Principal, sha256 } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { householdInScope, householdPlace } from "../../people/index.ts";
import type { CaseStatus } from "../flow.ts";
import { submitCase } from "../intake/service.ts";
import { devices } from "../tables.ts";

export const CALL_KINDS = ["help", "medical", "service"] as const;
export type CallKind = (typeof CALL_KINDS)[number];
const KIND_LABEL: Record<CallKind, string> = { help: "紧急求助", medical: "就医", service: "生活服务" };

/**
 * 西湖五单 "一个按键发单": a call may ask for its case to be published at once as an order of a
 * service category. The orders module does it and provides this hook, so cases need not know orders.
 */
export type PublishCall = (
  db: Db,
  actor: Actor,
  caseId: string,
  orderCategory: string,
) => Promise<{ code: string; caseStatus: CaseStatus | null }>;

declare module "../../../platform/module/index.ts" {
  interface Hooks {
    publishCall: PublishCall;
  }
}

/** Serials are printed in capitals and typed in either case: one form for both ends. */
const serial = (deviceId: string) => deviceId.trim().toUpperCase();

/** 一键通: a device bound to a household; its secret is shown once and kept only as its hash. */
export async function registerDevice(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { deviceId: string; householdId: string; label: string },
) {
  const household = await householdInScope(db, principal, input.householdId, "devices.manage");
  const id = serial(input.deviceId);
  const secret = newSecret();
  await audited(db, actor, async (tx, audit) => {
    const inserted = await tx
      .insert(devices)
      .values({
        id,
        householdId: household.id,
        territoryPath: household.territoryPath,
        label: input.label.trim(),
        secretHash: sha256(secret),
      })
      .onConflictDoNothing()
      .returning({ id: devices.id });
    // The serial is unique hardware: taken anywhere is taken.
    if (inserted.length === 0) throw conflict("DEVICE_EXISTS", { deviceId: id });
    await audit({
      action: "devices.register",
      entity: "device",
      entityId: id,
      after: { householdId: household.id, label: input.label.trim() },
    });
  });
  return { deviceId: id, householdId: household.id, secret };
}

export interface DeviceFilter extends Paging {
  householdId?: string;
}

export async function listDevices(db: Db, principal: Principal, f: DeviceFilter) {
  const conditions: SQL[] = [inScope(principal, "devices.manage", devices.territoryPath)];
  // A household outside the scope is not found, as by its id; its devices are not an empty page.
  if (f.householdId) {
    const household = await householdInScope(db, principal, f.householdId, "devices.manage");
    conditions.push(eq(devices.householdId, household.id));
  }
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        deviceId: devices.id,
        householdId: devices.householdId,
        label: devices.label,
        createdAt: devices.createdAt,
        lastCallAt: devices.lastCallAt,
      })
      .from(devices)
      .where(where)
      .orderBy(asc(devices.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(devices).where(where),
  ]);
  const places = await Promise.all(
    [...new Set(rows.map((r) => r.householdId))].map((id) => householdPlace(db, id)),
  );
  const addressOf = new Map(places.flatMap((p) => (p ? [[p.id, p.address] as const] : [])));
  return {
    items: rows.map((r) => ({
      ...r,
      address: addressOf.get(r.householdId) ?? null,
      createdAt: r.createdAt.toISOString(),
      lastCallAt: r.lastCallAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
  };
}

/** A device in the caller's scope, or 404 as for one that does not exist. */
async function deviceInScope(db: Db, principal: Principal, deviceId: string) {
  const [row] = await db
    .select()
    .from(devices)
    .where(
      and(eq(devices.id, serial(deviceId)), inScope(principal, "devices.manage", devices.territoryPath)),
    );
  if (!row) throw notFound("device", serial(deviceId));
  return row;
}

/** A new label (the household's name on the installer's sheet); the secret stays. */
export async function renameDevice(
  db: Db,
  principal: Principal,
  actor: Actor,
  deviceId: string,
  label: string,
) {
  const device = await deviceInScope(db, principal, deviceId);
  await audited(db, actor, async (tx, audit) => {
    await tx.update(devices).set({ label: label.trim() }).where(eq(devices.id, device.id));
    await audit({
      action: "devices.rename",
      entity: "device",
      entityId: device.id,
      before: { label: device.label },
      after: { label: label.trim() },
    });
  });
  return { deviceId: device.id, label: label.trim() };
}

/**
 * Retired (taken away, broken, the household moved): the device is removed and its calls are
 * refused at once. Its cases keep its serial; the audit row keeps what it was bound to, and the
 * serial may be registered again later.
 */
export async function retireDevice(db: Db, principal: Principal, actor: Actor, deviceId: string) {
  const device = await deviceInScope(db, principal, deviceId);
  await audited(db, actor, async (tx, audit) => {
    await tx.delete(devices).where(eq(devices.id, device.id));
    const { secretHash: _, ...before } = device;
    await audit({ action: "devices.retire", entity: "device", entityId: device.id, before });
  });
}

// Compared against when the device is unknown, so both refusals take the same time.
const NO_DEVICE_HASH = sha256(newSecret());
const deviceRefused = () => new AppError("DEVICE_UNAUTHORIZED", 401, { scheme: "Device" });

/** The device whose secret this is, or 401: an unknown device and a wrong secret get the same answer. */
async function authenticate(db: Db, deviceId: string, secret: string | undefined) {
  const [device] = await db
    .select()
    .from(devices)
    .where(eq(devices.id, serial(deviceId)));
  const expected = Buffer.from(device?.secretHash ?? NO_DEVICE_HASH, "hex");
  const given = Buffer.from(sha256(secret ?? ""), "hex");
  const match = timingSafeEqual(expected, given);
  if (!device || !secret || !match) throw deviceRefused();
  return device;
}

/**
 * A one-key call: a case for the device's household, in its grid, urgent for help and medical
 * calls. With a device-side call id a retried call is the same case, not a second one. With an
 * order category the case is also published as an order (a retry finds the same order).
 */
export async function deviceCall(
  db: Db,
  deviceId: string,
  secret: string | undefined,
  call: { kind?: CallKind; callId?: string; orderCategory?: string },
  ip: string,
  publish: PublishCall | undefined,
) {
  const device = await authenticate(db, deviceId, secret);
  if (call.orderCategory && !publish) throw new AppError("ORDERS_UNAVAILABLE", 422);
  const kind = call.kind ?? "help";
  const actor: Actor = { userId: null, name: `一键通 ${device.id}`, ip };
  const submitted = await submitCase(db, actor, {
    channel: "device",
    categoryCode: "elderlyHelp",
    requestType: "help",
    urgency: kind === "service" ? "normal" : "urgent",
    description: `一键通呼叫：${device.label}（${KIND_LABEL[kind]}）`,
    householdId: device.householdId,
    // No head-of-household lookup is exported by people yet: the grid sees the household and its label.
    reporter: { userId: null, name: null, phone: null },
    sourceRef: call.callId ? `${device.id}:${call.callId}` : undefined,
    extra: { deviceId: device.id, kind, callId: call.callId ?? null },
  });
  await db.update(devices).set({ lastCallAt: new Date() }).where(eq(devices.id, device.id));
  const order = call.orderCategory ? await publish?.(db, actor, submitted.id, call.orderCategory) : null;
  // Published, the case has been taken in: the answer says where it stands now.
  return { ...submitted, status: order?.caseStatus ?? submitted.status, orderCode: order?.code };
}

/** `Authorization: Device <secret>`, or `X-Device-Secret: <secret>` for firmware that cannot set the former. */
export function deviceSecretOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;
  const m = typeof auth === "string" ? /^Device\s+(\S+)$/i.exec(auth.trim()) : null;
  if (m) return m[1];
  const header = headers["x-device-secret"];
  return typeof header === "string" && header.trim() ? header.trim() : undefined;
}
