// The sync protocol's client messages (validated) and server message shapes
// (convex/dist/esm/browser/sync/protocol.js is the reference).
import { type JSONValue } from "convex/values";
import { z } from "zod";

const json = z.custom<JSONValue>(() => true);

const addQuery = z.object({
  type: z.literal("Add"),
  queryId: z.number().int(),
  udfPath: z.string(),
  args: z.array(json),
  journal: z.string().nullable().optional(),
  componentPath: z.string().optional(),
});
const removeQuery = z.object({ type: z.literal("Remove"), queryId: z.number().int() });

export const clientMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("Connect"),
    sessionId: z.string(),
    connectionCount: z.number(),
    lastCloseReason: z.string().nullable().optional(),
    maxObservedTimestamp: z.string().optional(),
    clientTs: z.number().optional(),
  }),
  z.object({
    type: z.literal("ModifyQuerySet"),
    baseVersion: z.number().int(),
    newVersion: z.number().int(),
    modifications: z.array(z.discriminatedUnion("type", [addQuery, removeQuery])),
  }),
  z.object({
    type: z.literal("Mutation"),
    requestId: z.number().int(),
    udfPath: z.string(),
    args: z.array(json),
    componentPath: z.string().optional(),
  }),
  z.object({
    type: z.literal("Action"),
    requestId: z.number().int(),
    udfPath: z.string(),
    args: z.array(json),
    componentPath: z.string().optional(),
  }),
  z.object({
    type: z.literal("Authenticate"),
    tokenType: z.enum(["User", "Admin", "None"]),
    baseVersion: z.number().int(),
    value: z.string().optional(),
    impersonating: z.record(z.string(), json).optional(),
  }),
  z.object({ type: z.literal("Event"), eventType: z.string(), event: json }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;
export type AddQuery = z.infer<typeof addQuery>;

export type StateVersion = { querySet: number; ts: string; identity: number };
export type StateModification =
  | {
      type: "QueryUpdated";
      queryId: number;
      value: JSONValue;
      logLines: string[];
      journal: string | null;
    }
  | {
      type: "QueryFailed";
      queryId: number;
      errorMessage: string;
      logLines: string[];
      errorData: JSONValue | null;
      journal: string | null;
    }
  | { type: "QueryRemoved"; queryId: number };

/** A StateModification already serialized to JSON. */
export type ModificationJson = string;

export type ServerMessage =
  | {
      type: "Transition";
      startVersion: StateVersion;
      endVersion: StateVersion;
      modifications: StateModification[];
    }
  | {
      type: "MutationResponse";
      requestId: number;
      success: boolean;
      result: JSONValue;
      ts?: string;
      logLines: string[];
      errorData?: JSONValue;
    }
  | {
      type: "ActionResponse";
      requestId: number;
      success: boolean;
      result: JSONValue;
      logLines: string[];
      errorData?: JSONValue;
    }
  | { type: "AuthError"; error: string; baseVersion: number; authUpdateAttempted: boolean }
  | { type: "FatalError"; error: string }
  | { type: "Ping" };

/** A u64 timestamp on the wire: 8 little-endian bytes, base64. */
export function encodeTs(ts: bigint): string {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(BigInt.asUintN(64, ts));
  return buffer.toString("base64");
}

export function decodeTs(encoded: string): bigint {
  const buffer = Buffer.from(encoded, "base64");
  if (buffer.length !== 8) throw new Error("A timestamp is 8 bytes");
  return buffer.readBigUInt64LE();
}
