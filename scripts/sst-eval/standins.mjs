// Recording stand-ins for what SST 4.17 puts in scope of sst.config.ts and stacks/ while `run()`
// executes: the `sst` and `aws` namespaces (its components and @pulumi/aws), and the `$`-globals of
// platform/src/shim/run.js. Nothing is created: each constructor records its name and arguments.
// Outputs are resolved at once (there is no engine), with the same `apply` shape as Pulumi's.
// Values a deployment would compute (names, ARNs) follow SST's naming closely enough to be read.
// Bundled into the evaluated config by scripts/sst-eval/evaluate.ts; never part of the Lambda.

import { existsSync } from "node:fs";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const records = [];

export class Out {
  constructor(value) {
    this.value = value;
  }
  apply(fn) {
    return output(fn(this.value));
  }
  toJSON() {
    return this.value;
  }
}

function unwrap(value) {
  return value instanceof Out ? unwrap(value.value) : value;
}

function output(value) {
  if (value && typeof value.then === "function") throw new Error("stand-in Outputs resolve synchronously: no Promise inputs");
  return value instanceof Out ? value : new Out(value);
}

/** Replaces every Output by its value, deeply; recorded resources stay references. */
function resolveDeep(value) {
  const plain = unwrap(value);
  if (plain instanceof Recorded) return plain;
  if (Array.isArray(plain)) return plain.map(resolveDeep);
  if (plain && typeof plain === "object") return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, resolveDeep(v)]));
  return plain;
}

class Recorded {
  constructor(kind, name, args, opts) {
    Object.defineProperty(this, "__record", { value: { kind, name, args, opts, instance: this } });
    records.push(this.__record);
  }
  toJSON() {
    return { $ref: `${this.__record.kind}:${this.__record.name}` };
  }
}

// The app being deployed: the evaluation sets it before run() (a define inside an injected file
// makes esbuild 0.28 panic).
const app = () => globalThis.__sstEvalApp;
const physical = (name) => `${app().name}-${app().stage}-${name}`;

class Dynamo extends Recorded {
  constructor(name, args, opts) {
    super("sst.aws.Dynamo", name, args, opts);
    this.name = output(physical(`${name}Table`));
    this.arn = this.name.apply((table) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table}`);
    this.nodes = { table: output({ name: this.name, arn: this.arn }) };
  }
  // As platform/src/components/aws/dynamo.ts: a stream subscriber (`subscribe(name, subscriber,
  // args)`), refused on a table without a stream.
  subscribe(name, subscriber, args) {
    if (!this.__record.args?.stream) throw new Error(`Cannot subscribe to "${this.__record.name}" because stream is not enabled.`);
    return new Recorded("sst.aws.Dynamo.subscribe", name, { table: this.__record.name, subscriber, ...args }, undefined);
  }
  // As platform/src/components/aws/dynamo.ts: linking grants dynamodb:* on the table and below.
  getSSTLink() {
    return {
      properties: { name: this.name },
      include: [{ type: "aws.permission", actions: ["dynamodb:*"], resources: [this.arn, this.arn.apply((arn) => `${arn}/*`)] }],
    };
  }
}

class Secret extends Recorded {
  constructor(name, placeholder) {
    super("sst.Secret", name, { placeholder }, undefined);
    // As platform/src/components/secret.ts: the value set with `sst secret set`, else the placeholder.
    this.name = output(name);
    this.value = output(process.env[`SST_SECRET_${name}`] ?? placeholder);
  }
  getSSTLink() {
    return { properties: { value: this.value } };
  }
}

class Function extends Recorded {
  constructor(name, args, opts) {
    super("sst.aws.Function", name, args, opts);
    const functionName = physical(`${name}Function`);
    this.name = output(functionName);
    this.arn = output(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`);
    this.url = output(`https://${name.toLowerCase()}-${app().stage}.lambda-url.${REGION}.on.aws/`);
    this.nodes = {
      function: output({ name: this.name, arn: this.arn }),
      logGroup: output({ name: output(`/aws/lambda/${functionName}`) }),
    };
  }
}

class StaticSite extends Recorded {
  constructor(name, args = {}, opts) {
    super("sst.aws.StaticSite", name, args, opts);
    // As components/base/base-static-site.ts: the site's path must exist (relative to the app's root).
    if (args.path && !existsSync(unwrap(args.path))) throw new Error(`No site found at "${unwrap(args.path)}".`);
    // As static-site.ts `url`: the custom domain's URL when there is one, else CloudFront's.
    const domain = unwrap(args.domain);
    const host = typeof domain === "string" ? domain : unwrap(domain?.name);
    this.url = output(host ? `https://${host}` : "https://d111111abcdef8.cloudfront.net");
  }
}

/** Any other resource class (aws.cloudwatch.MetricAlarm, ...): recorded, with a name, id and ARN. */
function genericResource(kind) {
  return class extends Recorded {
    constructor(name, args, opts) {
      super(kind, name, args, opts);
      this.name = output(args?.name ?? physical(name));
      this.id = this.name;
      this.arn = output(`arn:aws:${kind.split(".")[1]}:${REGION}:${ACCOUNT}:${name}`);
    }
  };
}

const dataSources = {
  getCallerIdentityOutput: () => output({ accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, userId: "AIDEPLOYER", id: ACCOUNT }),
  getRegionOutput: () => output({ region: REGION, name: REGION, id: REGION }),
  getPartitionOutput: () => output({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
};

/** A namespace whose capitalised members are resource classes and lower-case ones namespaces. */
function namespace(prefix, known = {}) {
  const cache = new Map(Object.entries(known));
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== "string") return undefined;
        if (!cache.has(prop)) {
          const kind = `${prefix}.${prop}`;
          if (prop in dataSources && prefix === "aws") cache.set(prop, dataSources[prop]);
          else if (/^get/.test(prop)) throw new Error(`no stand-in for the data source ${kind}: add one to scripts/sst-eval/standins.mjs`);
          else cache.set(prop, /^[A-Z]/.test(prop) ? genericResource(kind) : namespace(kind));
        }
        return cache.get(prop);
      },
    },
  );
}

export const sst = namespace("sst", { Secret, aws: namespace("sst.aws", { Dynamo, Function, StaticSite }) });
export const aws = namespace("aws");

// The `$`-globals of platform/src/shim/run.js that stacks may use.
export const $config = (input) => input;
export const $output = output;
export const $resolve = (values) => output(values.map(unwrap));
export const $interpolate = (strings, ...values) => output(strings.reduce((text, part, i) => text + String(unwrap(values[i - 1])) + part));
export const $concat = (...values) => output(values.map(unwrap).join(""));
export const $jsonStringify = (value, ...rest) => output(JSON.stringify(resolveDeep(value), ...rest));

/**
 * What the evaluation hands back: every record with its Outputs resolved and, for functions, what
 * SST derives from `link` (platform/src/components/aws/function.ts): the linked resources'
 * properties (the content of resource.enc), the permissions links include, and their environment.
 */
export function finish(outputs) {
  return {
    outputs: resolveDeep(outputs),
    resources: records.map(({ kind, name, args, opts, instance }) => {
      const record = { kind, name, args: resolveDeep(args), opts: resolveDeep(opts), outputs: resolveDeep({ ...instance }) };
      if (kind !== "sst.aws.Function") return record;
      const linked = (resolveDeep(args?.link) ?? []).filter((item) => item && typeof item.getSSTLink === "function");
      const links = Object.fromEntries(linked.map((item) => [item.__record.name, resolveDeep(item.getSSTLink().properties)]));
      const includes = linked.flatMap((item) => resolveDeep(item.getSSTLink().include ?? []));
      return {
        ...record,
        links,
        linkPermissions: includes.filter((item) => item.type === "aws.permission").map(({ type, ...permission }) => permission),
        linkEnvironment: Object.assign({}, ...includes.filter((item) => item.type === "environment").map((item) => item.env)),
      };
    }),
  };
}
