// GET /: a small read-only HTML view of the world. Everything interpolated is escaped.
import type { World } from "./world/world.js";

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export function renderWorldHtml(world: World, channelId: string | null): string {
  const parts: string[] = [];
  for (const guild of world.guilds.values()) {
    parts.push(`<h2>${escapeHtml(guild.name)} <small>${escapeHtml(guild.id)}</small></h2><ul>`);
    for (const id of guild.channelIds) {
      const c = world.channel(id);
      parts.push(
        `<li><a href="/?channel=${escapeHtml(c.id)}">#${escapeHtml(c.name)}</a> (${world.log(c.id).size} messages)</li>`,
      );
    }
    parts.push(
      `</ul><p>${guild.members.size} members: ${[...guild.members.keys()].map((u) => escapeHtml(world.users.get(u)?.username ?? u)).join(", ")}</p>`,
    );
  }
  const channel = channelId ? world.channels.get(channelId) : undefined;
  if (channel) {
    parts.push(`<h2>#${escapeHtml(channel.name)}</h2><ol>`);
    for (const m of world.log(channel.id).all().slice(-200)) {
      const author = world.users.get(m.authorId)?.username ?? m.authorId;
      const files = m.attachments.map((a) => escapeHtml(a.filename)).join(", ");
      parts.push(
        `<li><b>${escapeHtml(author)}</b> <small>${escapeHtml(m.timestamp)}${m.editedTimestamp ? " (edited)" : ""}</small><br>${escapeHtml(m.content)}${files ? `<br><i>files: ${files}</i>` : ""}</li>`,
      );
    }
    parts.push("</ol>");
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Discord emulator</title>
<style>body{font:14px system-ui;margin:2em;max-width:60em}small{color:#777}li{margin:.3em 0}</style></head>
<body><h1>Discord emulator</h1><p>Read-only view. Control API under <code>/_control</code>.</p>${parts.join("\n")}</body></html>`;
}
