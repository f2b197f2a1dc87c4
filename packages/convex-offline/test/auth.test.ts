import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./fixture-app/convex/_generated/api.js";
import { type Backend } from "../src/backend.js";
import { SignJWT, importPKCS8 } from "jose";
import { WebSocket } from "ws";
import { fixtureKeys, httpClient, startFixture, waitFor, wsClient } from "./helpers.js";

let backend: Backend;
beforeAll(async () => {
  backend = await startFixture();
});
afterAll(async () => {
  await backend.close();
});

type SignInResult = { tokens?: { token: string; refreshToken: string } | null };

async function signIn(flow: "signUp" | "signIn", email: string, password: string): Promise<string> {
  const client = wsClient(backend);
  try {
    const result = (await client.action(api.auth.signIn, {
      provider: "password",
      params: { email, password, flow },
    })) as SignInResult;
    const token = result.tokens?.token;
    if (!token) throw new Error(`no token in ${JSON.stringify(result)}`);
    return token;
  } finally {
    await client.close();
  }
}

describe("Convex Auth (Password) over the wire", () => {
  it("signs up, signs in, and authenticates the socket (onAuthChange true)", async () => {
    await signIn("signUp", "ada@example.com", "correct horse battery");
    const token = await signIn("signIn", "ada@example.com", "correct horse battery");
    const client = wsClient(backend);
    try {
      const authChanges: boolean[] = [];
      const confirmed = new Promise<void>((resolve) => {
        client.setAuth(
          () => Promise.resolve(token),
          (isAuthenticated) => {
            authChanges.push(isAuthenticated);
            if (isAuthenticated) resolve();
          },
        );
      });
      const email = await waitFor<string | null>(
        (cb) => client.onUpdate(api.auth.viewerEmail, {}, cb),
        (value) => value === "ada@example.com",
      );
      await confirmed;
      expect(email).toBe("ada@example.com");
      expect(authChanges).toEqual([true]);

      const http = httpClient(backend);
      http.setAuth(token);
      expect(await http.query(api.auth.viewerEmail, {})).toBe("ada@example.com");
    } finally {
      await client.close();
    }
  });

  it("rejects a wrong password", async () => {
    await signIn("signUp", "bob@example.com", "right password 1");
    await expect(signIn("signIn", "bob@example.com", "wrong password 1")).rejects.toThrow(
      /InvalidSecret/,
    );
  });

  it("answers a bad token with AuthError: onAuthChange(false), queries run signed out", async () => {
    const client = wsClient(backend);
    try {
      const changed = new Promise<boolean>((resolve) => {
        client.setAuth(() => Promise.resolve("not-a.valid.jwt"), resolve);
      });
      expect(await changed).toBe(false);
      expect(await client.query(api.auth.viewerEmail, {})).toBeNull();
    } finally {
      await client.close();
    }
  });

  it("refuses a bad Bearer token over HTTP with 401", async () => {
    const http = httpClient(backend);
    http.setAuth("bad.token.value");
    await expect(http.query(api.auth.viewerEmail, {})).rejects.toThrow(/Unauthenticated|Could not/);
  });

  it("maps a Bearer token to the identity of an HTTP action", async () => {
    await signIn("signUp", "cy@example.com", "password for cy");
    const token = await signIn("signIn", "cy@example.com", "password for cy");
    const anonymous = (await (await fetch(`${backend.siteUrl}/whoami`)).json()) as {
      subject: string | null;
      url: string;
    };
    expect(anonymous.subject).toBeNull();
    expect(anonymous.url).toBe(`${backend.siteUrl}/whoami`);
    const signedIn = (await (
      await fetch(`${backend.siteUrl}/whoami`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { subject: string | null };
    expect(signedIn.subject).toMatch(/\|/);
    const jwks = (await (await fetch(`${backend.siteUrl}/.well-known/jwks.json`)).json()) as {
      keys: unknown[];
    };
    expect(jwks.keys).toHaveLength(1);
  });

  it("tells a live socket when its token expires (AuthError, authUpdateAttempted: false)", async () => {
    const { JWT_PRIVATE_KEY } = await fixtureKeys();
    const key = await importPKCS8(JWT_PRIVATE_KEY.replace(/ (?!PRIVATE|KEY)/g, "\n"), "RS256");
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("user-1|session")
      .setIssuer(backend.siteUrl)
      .setAudience("convex")
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(key);
    const socket = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.48.0/sync`);
    const messages: { type: string; [key: string]: unknown }[] = [];
    socket.on("message", (data: Buffer) =>
      messages.push(JSON.parse(data.toString()) as { type: string }),
    );
    await new Promise((resolve) => socket.once("open", resolve));
    const send = (message: unknown) => socket.send(JSON.stringify(message));
    send({
      type: "Connect",
      sessionId: "expiry-test",
      connectionCount: 0,
      lastCloseReason: null,
      clientTs: Date.now(),
    });
    send({ type: "Authenticate", tokenType: "User", baseVersion: 0, value: token });
    send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: "Add", queryId: 0, udfPath: "messages:whoami", args: [{}] }],
    });
    const deadline = Date.now() + 6000;
    while (!messages.some((m) => m.type === "AuthError") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    socket.close();
    const transitions = messages.filter((m) => m.type === "Transition");
    expect(transitions[0]).toMatchObject({ endVersion: { identity: 1 } });
    expect(JSON.stringify(transitions)).toContain("user-1|session");
    expect(messages.find((m) => m.type === "AuthError")).toMatchObject({
      baseVersion: 0,
      authUpdateAttempted: false,
    });
  });
});
