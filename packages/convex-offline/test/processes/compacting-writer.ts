// A writer the kill test runs as its own process: it appends commits to a data directory and
// says which are on disk ("acked <n>" after each append returns, as the backend answers a client
// after its commit is appended), starts a background compaction once the log has grown, and goes
// on writing until it is killed.
import { Persistence } from "../../src/storage/persistence.js";

const [dir, startArg] = process.argv.slice(2);
if (dir === undefined) throw new Error("usage: compacting-writer <dir> [first]");
const persistence = new Persistence(dir, { compactAfterBytes: 200_000 });
const padding = "x".repeat(200);
const doc = (n: number) => ({ _id: `${100000 + n}things`, _creationTime: 1_000 + n, n, padding });
let next = Number(startArg ?? "0");
const loaded = persistence.load();
persistence.compact(loaded.docs);

function writeSome(): void {
  for (let i = 0; i < 50; i++) {
    const after = doc(next);
    persistence.append([{ table: "things", id: after._id, before: null, after }], BigInt(next));
    process.stdout.write(`acked ${next}\n`);
    next += 1;
    if (persistence.shouldCompact) {
      process.stdout.write("compacting\n");
      const docs = [...Array(next).keys()].map(doc);
      void persistence.compactInBackground(docs).then(() => process.stdout.write("compacted\n"));
    }
  }
  setImmediate(writeSome);
}
writeSome();
