// `npx tsx scripts/bench/profile-summary.ts DIR`: where the server's CPU time went in the
// .cpuprofile files `npm run bench -- --cpu-prof DIR` wrote, by category (self time, all files summed).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First match wins: the more specific patterns come first. */
const CATEGORIES: [string, RegExp][] = [
  ["SDK: SigV4 signing", /signature-v4|httpAuthSchemes|@aws-crypto|sha256/],
  ["SDK: HTTP handler (node-http-handler)", /node-http-handler/],
  ["SDK: (un)marshalling, serde", /util-dynamodb|lib-dynamodb|protocols|smithy-client|serde|core\/dist-cjs\/submodules\/protocols/],
  ["SDK: middleware, retries, endpoints, config", /@smithy|@aws-sdk|@aws-crypto/],
  ["GraphQL (graphql-js, yoga, envelop)", /node_modules\/(graphql|@graphql|graphql-yoga|@envelop|@whatwg-node)/],
  ["other dependencies", /node_modules/],
  ["our code: core", /packages\/core\//],
  ["our code: graphql", /packages\/graphql\//],
  ["our code: functions (HTTP server, handler)", /packages\/functions\//],
  ["Node: HTTP, net, streams", /^node:(_http|http|net|stream|internal\/(http|streams|net|stream_base))/],
  ["Node: other built-ins", /^node:/],
];

// The benchmark's server is bundled (dist/bench/, as `npm start`'s): each frame's URL is then the
// bundle's, so it is mapped back through the bundle's source map to the file it came from.
const sourceMaps = new Map<string, SourceMap | undefined>();
function sourceMapOf(url: string): SourceMap | undefined {
  if (!sourceMaps.has(url)) {
    const file = url.startsWith("file:") ? `${fileURLToPath(url)}.map` : "";
    sourceMaps.set(url, file && existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : undefined);
  }
  return sourceMaps.get(url);
}

function sourceUrl({ url, lineNumber, columnNumber }: ProfileNode["callFrame"]): string {
  const entry = url && sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
  return entry && "originalSource" in entry ? entry.originalSource : url;
}

function category(node: ProfileNode): string {
  const { functionName } = node.callFrame;
  const url = sourceUrl(node.callFrame);
  if (/^(writev|writeUtf8String|writeBuffer|WriteWrap|readStop|readStart)$/.test(functionName)) return "Node: HTTP, net, streams";
  if (functionName === "processTicksAndRejections" || functionName === "runMicrotasks") return "Node: promise and tick scheduling";
  if (!url) {
    if (functionName === "(garbage collector)") return "V8: garbage collection";
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(program)") return "V8/native: (program)";
    // The inspector session's own work: building the profile when it stops (not the server's).
    if (functionName === "dispatch") return "(profiler)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  for (const [name, pattern] of CATEGORIES) if (pattern.test(url)) return name;
  return "other";
}

const dir = process.argv[2];
if (!dir) throw new Error("usage: profile-summary.ts DIR");
const totals = new Map<string, number>();
const functions = new Map<string, number>();
for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    const name = category(node);
    totals.set(name, (totals.get(name) ?? 0) + us);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${sourceUrl(node.callFrame).replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/packages\//, "packages/")}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  });
}
const busy = [...totals].filter(([name]) => name !== "(idle)" && name !== "(profiler)").reduce((sum, [, us]) => sum + us, 0);
console.log(`busy (not idle): ${(busy / 1000).toFixed(1)} ms`);
for (const [name, us] of [...totals].sort((a, b) => b[1] - a[1])) {
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${name === "(idle)" || name === "(profiler)" ? "      " : `${((100 * us) / busy).toFixed(1).padStart(5)}%`} ${name}`);
}
console.log("\ntop functions by self time:");
for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${fn}`);
