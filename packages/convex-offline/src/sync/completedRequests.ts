// Mutation responses by (sessionId, requestId), so a client that reconnects and re-sends an
// answered mutation gets the stored answer instead of a second execution.
import { type ServerMessage } from "./protocol.js";

const MAX_PER_SESSION = 1000;
const MAX_SESSIONS = 10_000;

export class CompletedRequests {
  private readonly bySession = new Map<string, Map<number, ServerMessage>>();

  get(sessionId: string, requestId: number): ServerMessage | undefined {
    return this.bySession.get(sessionId)?.get(requestId);
  }

  set(sessionId: string, requestId: number, response: ServerMessage): void {
    let responses = this.bySession.get(sessionId);
    if (responses === undefined) {
      responses = new Map();
      this.bySession.set(sessionId, responses);
      if (this.bySession.size > MAX_SESSIONS) {
        const oldest = this.bySession.keys().next().value;
        if (oldest !== undefined) this.bySession.delete(oldest);
      }
    }
    responses.set(requestId, response);
    if (responses.size > MAX_PER_SESSION) {
      const oldest = responses.keys().next().value;
      if (oldest !== undefined) responses.delete(oldest);
    }
  }
}
