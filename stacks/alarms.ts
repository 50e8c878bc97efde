import { api } from "./api.js";
import { deployer, positiveInteger } from "./settings.js";

/**
 * CloudWatch alarms on the API (docs/ops.md says what each means and what to do). Two come from
 * Lambda's own metrics; three from metric filters on the function's JSON log lines (the events the
 * code logs: packages/core/src/factors/sms/sns-sender.ts, audit/audit.ts, pino's level field).
 * Alarms notify the AlarmTopic; ALARM_EMAIL subscribes an address to it (confirm the email AWS sends).
 */

const namespace = `AccessIdentity/${$app.stage}`;
const FIVE_MINUTES = 300;
const ONE_DAY = 86_400;

export const alarmTopic = new aws.sns.Topic("AlarmTopic", {});
if (deployer.ALARM_EMAIL) {
  new aws.sns.TopicSubscription("AlarmEmail", { topic: alarmTopic.arn, protocol: "email", endpoint: deployer.ALARM_EMAIL });
}

const logGroupName = api.nodes.logGroup.apply((group) => {
  if (!group) throw new Error("the API's log group is needed for its metric filters: keep `logging` on");
  return group.name;
});

/** Counts log lines matching `pattern` (CloudWatch's JSON filter syntax) as metric `metric`. */
function countLines(name: string, metric: string, pattern: string) {
  new aws.cloudwatch.LogMetricFilter(name, {
    logGroupName,
    pattern,
    metricTransformation: { name: metric, namespace, value: "1", unit: "Count" },
  });
}

interface AlarmSpec {
  description: string;
  namespace: string;
  metricName: string;
  dimensions?: Record<string, SstInput<string>>;
  period: number;
  threshold: number;
}

function alarm(name: string, spec: AlarmSpec) {
  return new aws.cloudwatch.MetricAlarm(name, {
    alarmDescription: spec.description,
    namespace: spec.namespace,
    metricName: spec.metricName,
    dimensions: spec.dimensions,
    statistic: "Sum",
    period: spec.period,
    evaluationPeriods: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    threshold: spec.threshold,
    // No lines, no events: quiet is healthy.
    treatMissingData: "notBreaching",
    alarmActions: [alarmTopic.arn],
    okActions: [alarmTopic.arn],
  });
}

const lambda = { namespace: "AWS/Lambda", dimensions: { FunctionName: api.name }, period: FIVE_MINUTES };

export const functionErrors = alarm("FunctionErrors", {
  ...lambda,
  description: "The API function crashed or timed out (Lambda Errors): requests failed without a GraphQL answer.",
  metricName: "Errors",
  threshold: 1,
});

export const functionThrottles = alarm("FunctionThrottles", {
  ...lambda,
  description: "Requests were refused for lack of concurrency (Lambda Throttles): raise RESERVED_CONCURRENCY or the account limit.",
  metricName: "Throttles",
  threshold: 1,
});

countLines("UnexpectedErrorLines", "UnexpectedErrors", "{ $.level >= 50 }");
export const unexpectedErrors = alarm("UnexpectedErrors", {
  namespace,
  description: 'Callers got "Unexpected error." (masked failures logged at level error): look the request ids up in the logs.',
  metricName: "UnexpectedErrors",
  period: FIVE_MINUTES,
  threshold: positiveInteger("ALARM_UNEXPECTED_ERRORS") ?? 5,
});

// The code refuses SMS past SMS_DAILY_LIMIT (a UTC day's window); this warns at 80% of it, while
// there is still room to react to SMS pumping before legitimate users are refused too. A one-day
// period in CloudWatch's default sliding window sums the last 24 hours at every evaluation.
countLines("SmsSentLines", "SmsSent", '{ $.event = "sms.sns.published" }');
const smsDailyLimit = positiveInteger("SMS_DAILY_LIMIT") ?? 1000;
export const smsDailySpend = alarm("SmsDailySpend", {
  namespace,
  description: `SMS sent in the last 24 hours reached 80% of SMS_DAILY_LIMIT (${smsDailyLimit}): check for SMS pumping before the budget refuses everyone.`,
  metricName: "SmsSent",
  period: ONE_DAY,
  threshold: Math.ceil(smsDailyLimit * 0.8),
});

countLines("SecondFactorLockoutLines", "SecondFactorLockouts", '{ $.event = "audit" && $.action = "SECOND_FACTOR_LOCKED" }');
export const secondFactorLockouts = alarm("SecondFactorLockouts", {
  namespace,
  description: "Accounts locked out of second-factor attempts are spiking: a guessing campaign, or a broken authenticator flow.",
  metricName: "SecondFactorLockouts",
  period: FIVE_MINUTES,
  threshold: positiveInteger("ALARM_LOCKOUTS_PER_5_MINUTES") ?? 10,
});
