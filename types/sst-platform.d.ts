// The part of SST 4.17's platform globals that sst.config.ts and stacks/ use, declared by hand.
// SST generates the real declarations into .sst/platform/ only when its CLI runs, and the CLI needs
// the network (it downloads Pulumi), so offline type checks use this file instead. Shapes follow
// SST's component sources (platform/src/components: config.ts, secret.ts, aws/dynamo.ts,
// aws/function.ts), trimmed to the properties we set; anything added to stacks/ is added here.

/** A value Pulumi resolves during deployment. */
interface SstOutput<T> {
  apply<U>(fn: (value: T) => U | SstOutput<U> | Promise<U>): SstOutput<U>;
}
type SstInput<T> = T | Promise<T> | SstOutput<T>;

/** "1024 MB" / "20 seconds": SST's Size and Duration strings. */
type SstSize = `${number} MB` | `${number} GB`;
type SstDuration = `${number} ${"second" | "seconds" | "minute" | "minutes" | "hour" | "hours" | "day" | "days"}`;

interface SstAppInput {
  stage: string;
}

interface SstApp {
  name: string;
  removal?: "remove" | "retain" | "retain-all";
  home: "aws" | "cloudflare" | "local";
  protect?: boolean;
  providers?: Record<string, unknown>;
}

interface SstConfig {
  app(input: SstAppInput): SstApp;
  run(): Promise<Record<string, unknown> | void>;
}

/** Identifies the app being deployed, available inside run(). */
declare const $app: Readonly<{ name: string; stage: string; removal: "remove" | "retain" | "retain-all"; protect: boolean }>;

declare function $config(input: SstConfig): SstConfig;

declare namespace sst {
  /** A secret set with `sst secret set <Name> <value>`; linked code reads `Resource.<Name>.value`. */
  class Secret {
    constructor(name: string, placeholder?: SstInput<string>);
    readonly name: string;
    readonly value: SstOutput<string>;
  }

  namespace aws {
    interface DynamoIndex {
      hashKey: SstInput<string>;
      rangeKey?: SstInput<string>;
      projection?: SstInput<"all" | "keys-only" | SstInput<string>[]>;
    }

    interface DynamoArgs {
      fields: SstInput<Record<string, "string" | "number" | "binary">>;
      primaryIndex: SstInput<{ hashKey: SstInput<string>; rangeKey?: SstInput<string> }>;
      globalIndexes?: SstInput<Record<string, SstInput<DynamoIndex>>>;
      stream?: SstInput<"keys-only" | "new-image" | "old-image" | "new-and-old-images">;
      ttl?: SstInput<string>;
      deletionProtection?: SstInput<boolean>;
    }

    /** A DynamoDB table; linked code reads `Resource.<Name>.name`. */
    class Dynamo {
      constructor(name: string, args: DynamoArgs, opts?: Record<string, unknown>);
      readonly name: SstOutput<string>;
      readonly arn: SstOutput<string>;
      /** A Lambda subscribed to the table's stream (needs `stream`); `filters` are Lambda event filter patterns. */
      subscribe(name: string, subscriber: SstInput<string | FunctionArgs>, args?: { filters?: SstInput<SstInput<Record<string, unknown>>[]> }): unknown;
    }

    /** A function run on a schedule (EventBridge). */
    class Cron {
      constructor(name: string, args: { schedule: SstInput<`rate(${string})` | `cron(${string})`>; function: SstInput<string | FunctionArgs> });
    }

    interface FunctionPermissionArgs {
      actions: string[];
      resources: SstInput<string>[];
    }

    interface FunctionUrlCorsArgs {
      allowCredentials?: SstInput<boolean>;
      allowHeaders?: SstInput<SstInput<string>[]>;
      allowOrigins?: SstInput<SstInput<string>[]>;
      allowMethods?: SstInput<SstInput<"*" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT">[]>;
      exposeHeaders?: SstInput<SstInput<string>[]>;
      maxAge?: SstInput<SstDuration>;
    }

    interface FunctionArgs {
      /** `{file}.{export}`, relative to the repository root. */
      handler: SstInput<string>;
      description?: SstInput<string>;
      runtime?: SstInput<"nodejs18.x" | "nodejs20.x" | "nodejs22.x">;
      architecture?: SstInput<"x86_64" | "arm64">;
      memory?: SstInput<SstSize>;
      timeout?: SstInput<SstDuration>;
      environment?: SstInput<Record<string, SstInput<string>>>;
      permissions?: SstInput<FunctionPermissionArgs[]>;
      link?: SstInput<unknown[]>;
      url?: SstInput<boolean | { authorization?: SstInput<"none" | "iam">; cors?: SstInput<boolean | FunctionUrlCorsArgs> }>;
      logging?: SstInput<false | { retention?: SstInput<string>; format?: SstInput<"text" | "json"> }>;
      nodejs?: SstInput<{
        /** Packages kept out of the bundle and installed into the function's node_modules (for linux). */
        install?: SstInput<string[]>;
        loader?: SstInput<Record<string, string>>;
        /** Path (from the repository root) to a module whose default export is a list of esbuild plugins. */
        plugins?: SstInput<string>;
        banner?: SstInput<string>;
        esbuild?: SstInput<Record<string, unknown>>;
        minify?: SstInput<boolean>;
        format?: SstInput<"cjs" | "esm">;
        sourcemap?: SstInput<boolean>;
        /** esbuild code splitting (ESM only): chunks loaded by dynamic import() ship beside the handler. */
        splitting?: SstInput<boolean>;
      }>;
    }

    /** A Lambda function; `url` is its Function URL when `url` is enabled. */
    class Function {
      constructor(name: string, args: FunctionArgs, opts?: Record<string, unknown>);
      readonly name: SstOutput<string>;
      readonly arn: SstOutput<string>;
      readonly url: SstOutput<string>;
    }
  }
}
