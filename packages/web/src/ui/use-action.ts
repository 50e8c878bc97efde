// Runs one user action at a time: busy while it runs, the error in words when it fails.
import { isFailure, type Success } from "@access-identity/client";
import { useCallback, useState } from "react";
import { describeApiError, describeThrown, type ApiError } from "../api/errors.js";

export interface Action {
  busy: boolean;
  error: string | null;
  setError(message: string | null): void;
  /**
   * Runs `work`; a typed error it answers (a result union's error member) or anything it throws
   * becomes `error`. Answers the success, or undefined when it failed.
   */
  run<R extends { __typename: string }>(work: () => Promise<R>): Promise<Success<R> | undefined>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <R extends { __typename: string }>(work: () => Promise<R>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (isFailure(result)) {
        setError(describeApiError(result as unknown as ApiError));
        return undefined;
      }
      return result as Success<R>;
    } catch (thrown) {
      setError(describeThrown(thrown));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
