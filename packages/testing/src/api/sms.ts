import type { TestCoreOptions } from "../core.js";
import { startSnsEndpoint, type SnsEndpoint } from "../aws/sns-endpoint.js";
import type { GqlApi } from "../gql.js";
import { startTestApi } from "./graphql-api.js";

/** The AWS SDK reads these from the process environment, as it would on a server or in Lambda. */
const SDK_ENV = ["AWS_ENDPOINT_URL_SNS", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"] as const;

/**
 * Points the real SNS client at a loopback endpoint for this test file: the SDK's own env vars in
 * process.env (restored by the returned function), SMS_PROVIDER=sns for the API.
 */
export async function useLoopbackSns(): Promise<{ sns: SnsEndpoint; apiEnv: Record<string, string>; restore(): Promise<void> }> {
  const sns = await startSnsEndpoint();
  const saved = Object.fromEntries(SDK_ENV.map((name) => [name, process.env[name]]));
  const values = {
    AWS_ENDPOINT_URL_SNS: sns.url,
    AWS_ACCESS_KEY_ID: "test-access-key",
    AWS_SECRET_ACCESS_KEY: "test-secret-key",
    AWS_REGION: "us-east-1",
  };
  Object.assign(process.env, values);
  return {
    sns,
    apiEnv: { SMS_PROVIDER: "sns", ...values },
    async restore() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await sns.close();
    },
  };
}

export interface SmsTestApi {
  api: GqlApi;
  sns: SnsEndpoint;
  /** Starts another API on the same endpoint (a second instance, or other settings). */
  startAnother(options?: TestCoreOptions): Promise<GqlApi>;
  /** Closes the API and the endpoint and restores the environment (APIs from startAnother are the caller's). */
  close(): Promise<void>;
}

/** What an SMS test file starts with: the loopback SNS endpoint and the API sending through it. */
export async function startSmsTestApi(options: TestCoreOptions = {}): Promise<SmsTestApi> {
  const loopback = await useLoopbackSns();
  const startAnother = (more: TestCoreOptions = {}) => startTestApi({ ...more, env: { ...loopback.apiEnv, ...more.env } });
  const api = await startAnother(options);
  return {
    api,
    sns: loopback.sns,
    startAnother,
    async close() {
      await api.close();
      await loopback.restore();
    },
  };
}
