// The MessageContent rule, as Discord applies it: without the (privileged) intent a bot sees
// empty content/embeds/attachments/components, except on its own messages and messages that
// mention it. Gateway: decided by the intents sent in IDENTIFY. REST: by whether the
// application has the intent enabled (world spec `privilegedIntents`).
import type { MessageRecord } from "./types.js";

export function contentVisible(
  hasIntent: boolean,
  botUserId: string,
  message: MessageRecord,
): boolean {
  return hasIntent || message.authorId === botUserId || message.mentionUserIds.includes(botUserId);
}
