// The part of SST 4.17's platform globals that sst.config.ts and stacks/ use, declared by hand.
// SST generates the real declarations into .sst/platform/ only when its CLI runs, and the CLI needs
// the network (it downloads Pulumi), so offline type checks use this file instead. Read from SST
// v4.17.0's sources (anomalyco/sst): platform/src/config.ts ($config, App), shim/run.js (the
// `$`-globals), components/secret.ts, components/aws/dynamo.ts, function.ts and static-site.ts (with
// base/base-static-site.ts and aws/cdn.ts's domain), duration.ts,
// size.ts, aws/logging.ts; `$app`/`$dev` are defined by pkg/project/run.go. The `aws` namespace is
// @pulumi/aws 7.20.0 (the version SST 4.17 pins). Trimmed to what stacks/ uses, with SST's names
// and types; anything added to stacks/ is added here.

/** A value Pulumi resolves during deployment (@pulumi/pulumi Output). */
interface SstOutput<T> {
  apply<U>(fn: (value: T) => SstInput<U>): SstOutput<U>;
}
/** @pulumi/pulumi Input. */
type SstInput<T> = T | Promise<T> | SstOutput<T>;

/** components/size.ts and duration.ts. */
type SstSize = `${number} ${"MB" | "GB"}`;
type SstDurationMinutes = `${number} ${"second" | "seconds" | "minute" | "minutes"}`;
type SstDuration = `${number} ${"second" | "seconds" | "minute" | "minutes" | "hour" | "hours" | "day" | "days"}`;
/** aws/logging.ts RETENTION keys. */
type SstLogRetention =
  | "1 day" | "3 days" | "5 days" | "1 week" | "2 weeks" | "1 month" | "2 months" | "3 months" | "4 months"
  | "5 months" | "6 months" | "1 year" | "13 months" | "18 months" | "2 years" | "3 years" | "5 years"
  | "6 years" | "7 years" | "8 years" | "9 years" | "10 years" | "forever";

/** platform/src/config.ts AppInput. */
interface SstAppInput {
  stage: string;
}

/** platform/src/config.ts App (without watch/state/types, unused here). */
interface SstApp {
  /** The SST version (or semver range) the CLI must be; it refuses to run otherwise. */
  version?: string;
  name: string;
  removal?: "remove" | "retain" | "retain-all";
  providers?: Record<string, any>;
  home: "aws" | "cloudflare" | "local";
  /** When true, `sst remove` refuses the stage. */
  protect?: boolean;
}

/** platform/src/config.ts Config (without console, unused here). */
interface SstConfig {
  app(input: SstAppInput): SstApp | Promise<SstApp>;
  run(): Promise<Record<string, any> | void>;
}

declare function $config(input: SstConfig): SstConfig;

/** The app being deployed, inside run(): the App above as the CLI completed it (pkg/project/run.go). */
declare const $app: Readonly<{ name: string; stage: string; removal: "remove" | "retain" | "retain-all"; protect: boolean; home: string; version: string }>;
/** True under `sst dev`. */
declare const $dev: boolean;

/** @pulumi/pulumi interpolate, all (shim/run.js). */
declare function $interpolate(literals: TemplateStringsArray, ...placeholders: unknown[]): SstOutput<string>;
declare function $resolve<T extends unknown[]>(values: [...T]): SstOutput<{ [K in keyof T]: T[K] extends SstOutput<infer U> ? U : Awaited<T[K]> }>;

declare namespace sst {
  /** components/secret.ts: set with `sst secret set <Name> <value>`; linked code reads `Resource.<Name>.value`. */
  class Secret {
    constructor(name: string, placeholder?: SstInput<string>);
    readonly name: SstOutput<string>;
    readonly value: SstOutput<string>;
    readonly placeholder: SstOutput<string> | undefined;
  }

  namespace aws {
    interface DynamoArgs {
      fields: SstInput<Record<string, "string" | "number" | "binary">>;
      primaryIndex: SstInput<{ hashKey: SstInput<string>; rangeKey?: SstInput<string> }>;
      globalIndexes?: SstInput<
        Record<string, SstInput<{ hashKey: SstInput<string | string[]>; rangeKey?: SstInput<string | string[]>; projection?: SstInput<"all" | "keys-only" | SstInput<string>[]> }>>
      >;
      stream?: SstInput<"keys-only" | "new-image" | "old-image" | "new-and-old-images">;
      ttl?: SstInput<string>;
      deletionProtection?: SstInput<boolean>;
      /** Transform<dynamodb.TableArgs>: a partial object is spread over SST's table arguments. */
      transform?: { table?: { pointInTimeRecovery?: SstInput<{ enabled: SstInput<boolean>; recoveryPeriodInDays?: SstInput<number> }> } };
    }

    /** components/aws/dynamo.ts; linking it grants dynamodb:* on the table and everything under it. */
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

    /** function.ts FunctionPermissionArgs. */
    interface FunctionPermissionArgs {
      effect?: "allow" | "deny";
      actions: string[];
      resources: SstInput<SstInput<string>[]>;
      conditions?: SstInput<SstInput<{ test: SstInput<string>; variable: SstInput<string>; values: SstInput<SstInput<string>[]> }>[]>;
    }

    interface FunctionUrlCorsArgs {
      allowCredentials?: SstInput<boolean>;
      allowHeaders?: SstInput<SstInput<string>[]>;
      allowOrigins?: SstInput<SstInput<string>[]>;
      allowMethods?: SstInput<SstInput<"*" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT">[]>;
      exposeHeaders?: SstInput<SstInput<string>[]>;
      maxAge?: SstInput<SstDuration>;
    }

    /** function.ts FunctionArgs, the Node.js options and the rest we set (nodejs.plugins is @internal). */
    interface FunctionArgs {
      /** `{file}.{export}`; with `bundle`, relative to the bundle's root. */
      handler: SstInput<string>;
      /** A directory shipped as it is instead of SST's own build (SST adds resource.enc to it). */
      bundle?: SstInput<string>;
      description?: SstInput<string>;
      runtime?: SstInput<
        | "nodejs18.x" | "nodejs20.x" | "nodejs22.x" | "nodejs24.x" | "go" | "rust" | "provided.al2" | "provided.al2023"
        | "python3.9" | "python3.10" | "python3.11" | "python3.12" | "python3.13" | "python3.14"
      >;
      architecture?: SstInput<"x86_64" | "arm64">;
      memory?: SstInput<SstSize>;
      timeout?: SstInput<SstDurationMinutes>;
      environment?: SstInput<Record<string, SstInput<string>>>;
      permissions?: SstInput<FunctionPermissionArgs[]>;
      link?: SstInput<any[]>;
      concurrency?: SstInput<{ provisioned?: SstInput<number>; reserved?: SstInput<number> }>;
      url?: SstInput<boolean | { authorization?: SstInput<"none" | "iam">; cors?: SstInput<boolean | FunctionUrlCorsArgs> }>;
      logging?: SstInput<false | { retention?: SstInput<SstLogRetention>; logGroup?: SstInput<string>; format?: SstInput<"text" | "json"> }>;
      nodejs?: SstInput<{
        loader?: SstInput<Record<string, string>>;
        install?: SstInput<string[] | Record<string, string>>;
        banner?: SstInput<string>;
        esbuild?: SstInput<Record<string, unknown>>;
        minify?: SstInput<boolean>;
        format?: SstInput<"cjs" | "esm">;
        sourcemap?: SstInput<boolean>;
        splitting?: SstInput<boolean>;
      }>;
    }

    /** components/aws/cdn.ts CdnDomainArgs. */
    interface CdnDomainArgs {
      name: SstInput<string>;
      redirects?: SstInput<string[]>;
      aliases?: SstInput<string[]>;
      /** An ACM certificate in us-east-1, for a domain whose DNS SST does not manage. */
      cert?: SstInput<string>;
      /** Default: Route 53 (sst.aws.dns()). `false` with `cert`: DNS elsewhere. (SST's DNS adapters, unused here, are not declared.) */
      dns?: SstInput<false>;
    }

    /** components/aws/static-site.ts StaticSiteArgs with base/base-static-site.ts BaseStaticSiteArgs. */
    interface StaticSiteArgs {
      /** The site's directory, relative to the app's root; `build.command` runs there. Default ".". */
      path?: SstInput<string>;
      indexPage?: string;
      errorPage?: SstInput<string>;
      /** Set while `build.command` runs (and under `sst dev`); Vite exposes the VITE_* ones to the browser. */
      environment?: SstInput<Record<string, SstInput<string>>>;
      build?: SstInput<{
        command: SstInput<string>;
        /** Relative to `path`; uploaded as it is. */
        output: SstInput<string>;
      }>;
      /** Where SST writes the types of `environment` when `path` holds a Vite config; default "src/sst-env.d.ts". */
      vite?: SstInput<{ types?: string }>;
      domain?: SstInput<string | CdnDomainArgs>;
    }

    class StaticSite {
      constructor(name: string, args?: StaticSiteArgs, opts?: Record<string, unknown>);
      /** The custom domain's URL when `domain` is set, else CloudFront's. */
      readonly url: SstOutput<string>;
    }

    /** components/aws/function.ts. */
    class Function {
      constructor(name: string, args: FunctionArgs, opts?: Record<string, unknown>);
      readonly name: SstOutput<string>;
      readonly arn: SstOutput<string>;
      /** The Function URL (fails at deploy when `url` is off). */
      readonly url: SstOutput<string>;
      readonly nodes: {
        /** SST's log group for the function; undefined when `logging` is false or names its own group. */
        readonly logGroup: SstOutput<PulumiAwsLogGroup | undefined>;
      };
    }
  }
}

/** The log group SST creates for a function (sst.aws's own `aws` would shadow the namespace below). */
type PulumiAwsLogGroup = aws.cloudwatch.LogGroup;

/** @pulumi/aws 7.20.0, the resources and data sources stacks/ uses. */
declare namespace aws {
  function getCallerIdentityOutput(args?: {}, opts?: Record<string, unknown>): SstOutput<{ accountId: string; arn: string; id: string; userId: string }>;
  function getRegionOutput(args?: {}, opts?: Record<string, unknown>): SstOutput<{ region: string; id: string; description: string; endpoint: string }>;
  function getPartitionOutput(args?: {}, opts?: Record<string, unknown>): SstOutput<{ partition: string; dnsSuffix: string; id: string; reverseDnsPrefix: string }>;

  namespace sns {
    class Topic {
      constructor(name: string, args?: { name?: SstInput<string>; displayName?: SstInput<string> }, opts?: Record<string, unknown>);
      readonly arn: SstOutput<string>;
      readonly name: SstOutput<string>;
    }
    class TopicSubscription {
      constructor(name: string, args: { topic: SstInput<string>; protocol: SstInput<string>; endpoint: SstInput<string> }, opts?: Record<string, unknown>);
      readonly arn: SstOutput<string>;
    }
  }

  namespace cloudwatch {
    class LogGroup {
      readonly name: SstOutput<string>;
      readonly arn: SstOutput<string>;
    }
    interface LogMetricFilterArgs {
      logGroupName: SstInput<string>;
      pattern: SstInput<string>;
      metricTransformation: SstInput<{
        name: SstInput<string>;
        namespace: SstInput<string>;
        value: SstInput<string>;
        defaultValue?: SstInput<string>;
        dimensions?: SstInput<Record<string, SstInput<string>>>;
        unit?: SstInput<string>;
      }>;
      name?: SstInput<string>;
    }
    class LogMetricFilter {
      constructor(name: string, args: LogMetricFilterArgs, opts?: Record<string, unknown>);
      readonly name: SstOutput<string>;
    }
    interface MetricAlarmArgs {
      comparisonOperator: SstInput<string>;
      evaluationPeriods: SstInput<number>;
      alarmDescription?: SstInput<string>;
      alarmActions?: SstInput<SstInput<string>[]>;
      okActions?: SstInput<SstInput<string>[]>;
      datapointsToAlarm?: SstInput<number>;
      dimensions?: SstInput<Record<string, SstInput<string>>>;
      metricName?: SstInput<string>;
      namespace?: SstInput<string>;
      period?: SstInput<number>;
      statistic?: SstInput<string>;
      threshold?: SstInput<number>;
      treatMissingData?: SstInput<string>;
      name?: SstInput<string>;
    }
    class MetricAlarm {
      constructor(name: string, args: MetricAlarmArgs, opts?: Record<string, unknown>);
      readonly arn: SstOutput<string>;
      readonly name: SstOutput<string>;
    }
  }
}
