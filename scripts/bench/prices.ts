/**
 * List prices the cost figures use. Taken from AWS's public pricing pages as published in 2025
 * (us-east-1); not re-checked when this file was written (the machine was offline), so check
 * https://aws.amazon.com/dynamodb/pricing/on-demand/ and https://aws.amazon.com/cognito/pricing/
 * before quoting the figures.
 */
export const PRICES = {
  source: "AWS public pricing pages, us-east-1, as published in 2025 (not re-checked offline)",
  /** DynamoDB on-demand, standard table class: USD per million write request units. */
  dynamoWritePerMillionUnits: 0.625,
  /** DynamoDB on-demand, standard table class: USD per million read request units. */
  dynamoReadPerMillionUnits: 0.125,
  /** Cognito user pools, Essentials tier: USD per monthly active user beyond the free tier. */
  cognitoPerMau: 0.015,
  /** "A user signing in daily": sign-ins per month per active user. */
  signInsPerMonthDaily: 30,
} as const;

export interface CostFigures {
  /** Request units of one full sign-in (signIn + completeSignIn with TOTP). */
  unitsPerSignIn: { read: number; write: number };
  /** USD. */
  perSignIn: number;
  perMillionSignIns: number;
  /** DynamoDB cost of one user signing in daily for a month, next to Cognito's price for that user. */
  perDailyUserPerMonth: number;
  cognitoPerMau: number;
  /** Cognito's price for a million sign-ins by daily users (1e6 / 30 MAU). */
  cognitoPerMillionSignIns: number;
  prices: typeof PRICES;
}

export function signInCost(unitsPerSignIn: { read: number; write: number }): CostFigures {
  const perSignIn = (unitsPerSignIn.read * PRICES.dynamoReadPerMillionUnits + unitsPerSignIn.write * PRICES.dynamoWritePerMillionUnits) / 1e6;
  return {
    unitsPerSignIn,
    perSignIn,
    perMillionSignIns: perSignIn * 1e6,
    perDailyUserPerMonth: perSignIn * PRICES.signInsPerMonthDaily,
    cognitoPerMau: PRICES.cognitoPerMau,
    cognitoPerMillionSignIns: (1e6 / PRICES.signInsPerMonthDaily) * PRICES.cognitoPerMau,
    prices: PRICES,
  };
}
