import type { Client } from "discord.js";
import type { Id } from "./convex-api.js";
import { resolveTextChannel } from "./discord-channel.js";
import { driftRepairs } from "./drift-repair.js";
import { summarizeDrift } from "./drift-summary.js";
import type { Logger } from "./logger.js";
import type { MirrorApi } from "./mirror-api.js";

/** Latest deliveries compared per mapping. */
export const DRIFT_SIGNALS_PER_MAPPING = 50;
/** Customer messages read per channel (one history request). */
export const DRIFT_HISTORY_LIMIT = 100;

type DriftReports = Parameters<MirrorApi["reportDrift"]>[0];

/**
 * Every `everyMs` (and once at start, after recovery): for each enabled mapping, the latest
 * deliveries (Convex) against the customer channel's latest messages (discord.js), through the
 * pure drift checker; the summaries go to Convex (`mirror.reportDrift`, latest per mapping) for
 * the admin console. Then it repairs what it can (`drift-repair.ts`): a synced delivery whose
 * customer message is gone (deleted by a moderator) or shows other content goes back to the
 * worker (`mirror.repairDrift`), which re-creates it or edits it back. Duplicates and orphans are
 * reported only.
 */
export class DriftWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DriftReports> | undefined;

  constructor(
    private readonly options: {
      api: MirrorApi;
      client: Client;
      logger: Logger;
      everyMs: number;
    },
  ) {}

  start(): void {
    this.timer = setInterval(
      () => void this.checkNow().catch(() => undefined),
      this.options.everyMs,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One check of every mapping; concurrent calls share the run in progress. */
  checkNow(): Promise<DriftReports> {
    this.running ??= this.check()
      .catch((error: unknown) => {
        this.options.logger.error(
          { event: "mirror.drift_check_failed", error: String(error) },
          "drift check failed",
        );
        throw error;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async check(): Promise<DriftReports> {
    const { api, client, logger } = this.options;
    const botUserId = client.user?.id;
    if (botUserId === undefined) throw new Error("Discord client is not logged in.");
    const window = await api.driftWindow(DRIFT_SIGNALS_PER_MAPPING);
    const reports: DriftReports = [];
    for (const mapping of window) {
      try {
        const channel = await resolveTextChannel(client, mapping.customerChannelId);
        const fetched = await channel.messages.fetch({ limit: DRIFT_HISTORY_LIMIT, cache: false });
        const history = [...fetched.values()].map((message) => ({
          id: message.id,
          authorId: message.author.id,
          content: message.content,
        }));
        const recorded = new Set(
          mapping.rows.flatMap((row) => [row.customerMessageId, row.updateNoteMessageId]),
        );
        const unrecorded = history
          .filter((message) => message.authorId === botUserId && !recorded.has(message.id))
          .map((message) => message.id);
        const knownElsewhere = new Set(
          unrecorded.length === 0 ? [] : await api.knownMessages(unrecorded),
        );
        const summary = summarizeDrift({
          mapping,
          history,
          botUserId,
          fullPage: history.length >= DRIFT_HISTORY_LIMIT,
          knownElsewhere,
        });
        reports.push({
          mappingId: mapping.mappingId,
          customerChannelId: mapping.customerChannelId,
          checkedAt: Date.now(),
          ...summary,
        });
        const repairs = driftRepairs({
          mapping,
          history,
          fullPage: history.length >= DRIFT_HISTORY_LIMIT,
        });
        if (repairs.length > 0) {
          const queued = await api.repairDrift(
            repairs.map(({ deliveryId, customerMessageId, contentHash }) => ({
              deliveryId: deliveryId as Id<"mirrorDeliveries">,
              customerMessageId,
              contentHash,
            })),
          );
          logger.warn(
            {
              event: "mirror.drift_repaired",
              mappingId: mapping.mappingId,
              channelId: mapping.customerChannelId,
              missing: repairs.filter((repair) => repair.problem === "missing").length,
              changed: repairs.filter((repair) => repair.problem === "changed").length,
              queued: queued.length,
            },
            "customer messages out of step sent back to the worker",
          );
        }
        logger.info(
          {
            event: "mirror.drift_checked",
            mappingId: mapping.mappingId,
            channelId: mapping.customerChannelId,
            ...summary,
          },
          "drift checked",
        );
      } catch (error) {
        logger.warn(
          {
            event: "mirror.drift_mapping_failed",
            mappingId: mapping.mappingId,
            channelId: mapping.customerChannelId,
            error: String(error),
          },
          "drift check of a mapping failed",
        );
      }
    }
    if (reports.length > 0) await api.reportDrift(reports);
    return reports;
  }
}
