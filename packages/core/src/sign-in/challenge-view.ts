import { confirmedFactors, type Account, type FactorKind } from "../accounts/account.js";
import { signInHints } from "../factors/registry.js";
import type { SignInHints } from "../factors/types.js";
import type { ChallengeRecord } from "./challenge.js";

/** What the client sees of a second-step challenge (SignInChallenge): how it may be answered. */
export interface SignInChallengeView extends SignInHints {
  id: string;
  expiresAt: Date;
  methods: FactorKind[];
  backupCodesAvailable: boolean;
}

/** Apart from challenges.ts, which the factors' own code uses: this one reads the registry. */
export function challengeView(challenge: ChallengeRecord, account: Account): SignInChallengeView {
  const factors = confirmedFactors(account);
  return {
    id: challenge.id,
    expiresAt: new Date(challenge.expiresAt * 1000),
    methods: [...new Set(factors.map((f) => f.kind))],
    backupCodesAvailable: (account.backupCodes?.size ?? 0) > 0,
    // What each factor tells the client at this step (the SMS factor: the masked numbers).
    ...signInHints(factors),
  };
}
