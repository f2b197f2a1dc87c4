// Discord's JSON error shapes: {message, code} and, for form errors, nested {errors}.

export type FormErrorTree = { _errors?: { code: string; message: string }[] } & {
  [key: string]: FormErrorTree | { code: string; message: string }[] | undefined;
};

export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrorTree,
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return this.errors
      ? { message: this.message, code: this.code, errors: this.errors }
      : { message: this.message, code: this.code };
  }
}

export const Errors = {
  unauthorized: () => new DiscordApiError(401, 0, "401: Unauthorized"),
  notFound: () => new DiscordApiError(404, 0, "404: Not Found"),
  methodNotAllowed: () => new DiscordApiError(405, 0, "405: Method Not Allowed"),
  unknownApplication: () => new DiscordApiError(404, 10002, "Unknown Application"),
  unknownChannel: () => new DiscordApiError(404, 10003, "Unknown Channel"),
  unknownGuild: () => new DiscordApiError(404, 10004, "Unknown Guild"),
  unknownMember: () => new DiscordApiError(404, 10007, "Unknown Member"),
  unknownMessage: () => new DiscordApiError(404, 10008, "Unknown Message"),
  unknownRole: () => new DiscordApiError(404, 10011, "Unknown Role"),
  unknownUser: () => new DiscordApiError(404, 10013, "Unknown User"),
  invalidJson: () => new DiscordApiError(400, 50109, "The request body contains invalid JSON."),
  invalidOAuthToken: () => new DiscordApiError(403, 50025, "Invalid OAuth2 access token"),
  nonTextChannel: () =>
    new DiscordApiError(403, 50008, "Cannot send messages in a non-text channel"),
  tooLarge: () => new DiscordApiError(413, 40005, "Request entity too large"),
  missingAccess: () => new DiscordApiError(403, 50001, "Missing Access"),
  cannotEditOthers: () =>
    new DiscordApiError(403, 50005, "Cannot edit a message authored by another user"),
  emptyMessage: () => new DiscordApiError(400, 50006, "Cannot send an empty message"),
  missingPermissions: () => new DiscordApiError(403, 50013, "Missing Permissions"),
  bulkTooOld: () =>
    new DiscordApiError(
      400,
      50034,
      "You can only bulk delete messages that are under 14 days old.",
    ),
  invalidForm: (errors: FormErrorTree) =>
    new DiscordApiError(400, 50035, "Invalid Form Body", errors),
} as const;

/** Builds Discord's nested `errors` tree from (path, code, message) triples. */
export function formErrors(
  issues: { path: readonly (string | number)[]; code: string; message: string }[],
): FormErrorTree {
  const root: FormErrorTree = {};
  for (const issue of issues) {
    let node: FormErrorTree = root;
    for (const key of issue.path) {
      const k = String(key);
      const child = node[k];
      if (child && !Array.isArray(child)) {
        node = child;
        continue;
      }
      const created: FormErrorTree = {};
      node[k] = created;
      node = created;
    }
    node._errors = [...(node._errors ?? []), { code: issue.code, message: issue.message }];
  }
  return root;
}
