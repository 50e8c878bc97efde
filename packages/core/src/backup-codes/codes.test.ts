// How a person types a backup code: the normalisation every entry goes through (moved here from the
// GraphQL-driven backup-codes test, now in packages/graphql, as it is a unit test of this module).
import { expect, test } from "vitest";
import { normaliseBackupCode } from "./codes.js";

test("normalisation accepts what people type and rejects what cannot be a code", () => {
  expect(normaliseBackupCode("ABCDE-FGHJK")).toBe("abcdefghjk");
  expect(normaliseBackupCode("abcde fghjk")).toBe("abcdefghjk");
  expect(normaliseBackupCode("OIL23-45678")).toBe("0112345678");
  expect(normaliseBackupCode("abcde-fghj")).toBeUndefined();
  expect(normaliseBackupCode("abcde-fghju")).toBeUndefined(); // U is not in the alphabet
  expect(normaliseBackupCode("")).toBeUndefined();
});
