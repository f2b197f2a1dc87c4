#!/usr/bin/env node
// Fails when a tracked file cites something a fresh clone cannot follow: an absolute path of a
// developer's machine, a notes folder outside the repository, or a relative link or path that
// leaves the repository (or, in Markdown, points at a file that does not exist).
// A line that means such a string on purpose (a hostile test input, say) ends with the comment
// `check-repo-refs: not a reference`, or the line before it is that comment.
// Usage: node scripts/check-repo-refs.mjs   (exit 1 and one line per finding when any)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
const SKIP = [/^pnpm-lock\.yaml$/, /(^|\/)_generated\//, /\.(png|jpe?g|gif|ico|woff2?|webp)$/];

/** Absolute paths that only exist on someone's machine, and notes kept outside the repository. */
const MACHINE_PATHS = [
  /(?<![\w.-])\/(?:work|home|root|Users|tmp\/[\w-]+\/main)\/[\w.-]+/,
  /(?<![\w/.-])(?:\.\.\/)+shared\/(?:notes|seed)\b/,
  /(?<![\w/.-])shared\/notes\//,
  /\b[A-Z]:\\\\?(?:Users|work)\\/,
];

/** Markdown links: [text](target). Targets with a scheme or only an anchor are not files. */
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;
/** Quoted relative paths in code: a string that starts with one or more "../". */
const QUOTED_RELATIVE = /["'`]((?:\.\.\/)+[^"'`\s$]*)["'`]/g;

const ALLOW = "check-repo-refs: not a reference";

function isInside(path) {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[A-Z]:/.test(rel));
}

export function findingsFor(file, text) {
  const found = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (line.includes(ALLOW) || (lines[index - 1] ?? "").trim().endsWith(ALLOW)) return;
    const where = `${file}:${index + 1}`;
    for (const pattern of MACHINE_PATHS) {
      const match = pattern.exec(line);
      if (match) found.push(`${where}: machine path or outside notes "${match[0]}"`);
    }
    if (file.endsWith(".md")) {
      for (const [, target] of line.matchAll(MARKDOWN_LINK)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) continue;
        const path = resolve(root, dirname(file), decodeURI(target.split("#")[0] ?? ""));
        if (!isInside(path)) found.push(`${where}: link leaves the repository "${target}"`);
        else if (!existsSync(path)) found.push(`${where}: link to a missing file "${target}"`);
      }
    } else {
      for (const [, target] of line.matchAll(QUOTED_RELATIVE)) {
        const path = resolve(root, dirname(file), target);
        if (!isInside(path)) found.push(`${where}: path leaves the repository "${target}"`);
      }
    }
  });
  return found;
}

function main() {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((file) => file !== "" && !SKIP.some((pattern) => pattern.test(file)))
    .filter((file) => existsSync(resolve(root, file)));
  const findings = files.flatMap((file) => {
    const text = readFileSync(resolve(root, file), "utf8");
    return text.includes("\0") ? [] : findingsFor(file, text);
  });
  if (findings.length > 0) {
    console.error(findings.join("\n"));
    console.error(
      `\n${findings.length} reference(s) a fresh clone cannot follow: write what they need into the repository instead.`,
    );
    process.exit(1);
  }
  console.log(`references: ${files.length} tracked files cite nothing outside the repository`);
}

if (process.argv[1] === import.meta.filename) main();
