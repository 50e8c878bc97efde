import { createCipheriv, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedFunction, SstApp } from "./evaluate.ts";

/**
 * What Lambda would hold for a function SST deploys with `bundle`, reproduced from SST 4.17's code:
 * the bundle directory as it is, plus `resource.enc` (pkg/runtime/runtime.go: the linked resources'
 * properties as JSON, sealed with AES-256-GCM under the app's key and a zero nonce, tag appended),
 * and the environment SST sets (components/aws/function.ts normalizeEnvironment: the function's own
 * variables, SST_RESOURCE_App, links' environment, SST_KEY and SST_KEY_FILE). The function's code
 * opens it with sst's runtime (node_modules/sst/dist/resource/node.js), relative to its working
 * directory, which Lambda makes the package root.
 */
export interface DeployPackage {
  dir: string;
  /** The handler module's file and export, from `handler` ("index.handler"). */
  handlerFile: string;
  exportName: string;
  env: Record<string, string>;
}

export function deployPackage(root: string, app: SstApp, fn: RecordedFunction): DeployPackage {
  if (!fn.args.bundle) throw new Error(`${fn.name} has no bundle: SST would build its own code`);
  // Outside the repository, as in Lambda's /var/task: no node_modules to fall back on.
  const dir = mkdtempSync(join(tmpdir(), "lambda-package-"));
  cpSync(join(root, fn.args.bundle), dir, { recursive: true });

  const key = randomBytes(32);
  const cipher = createCipheriv("aes-256-gcm", key, Buffer.alloc(12, 0));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(fn.links)), cipher.final(), cipher.getAuthTag()]);
  writeFileSync(join(dir, "resource.enc"), sealed);

  // Lambda's Node runtime looks for the handler's module as .js, .mjs or .cjs at the package root.
  const [file, exportName] = (fn.args.handler as string).split(/\.(?=[^.]+$)/) as [string, string];
  const handlerFile = [".js", ".mjs", ".cjs"].map((ext) => join(dir, `${file}${ext}`)).find((path) => existsSync(path));
  if (!handlerFile) throw new Error(`${fn.args.bundle} has no ${file}.js/.mjs/.cjs for the handler ${fn.args.handler}`);
  return {
    dir,
    handlerFile,
    exportName,
    env: {
      ...fn.args.environment,
      SST_RESOURCE_App: JSON.stringify({ name: app.name, stage: app.stage }),
      ...fn.linkEnvironment,
      SST_KEY: key.toString("base64"),
      SST_KEY_FILE: "resource.enc",
    },
  };
}

/** The variables Lambda's runtime sets for a function (those the code or the SDK read). */
export function lambdaRuntimeEnv(fn: RecordedFunction, dir: string): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: fn.outputs.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(parseInt(fn.args.memory ?? "1024", 10)),
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.args.runtime}`,
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    LAMBDA_TASK_ROOT: dir,
    TZ: ":UTC",
  };
}
