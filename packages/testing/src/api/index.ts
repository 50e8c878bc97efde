export { startTestApi, type TestApi } from "./graphql-api.js";
export { startSmsTestApi, useLoopbackSns, type SmsTestApi } from "./sms.js";
export type { GqlApi, GqlOptions, GqlResult } from "../gql.js";
