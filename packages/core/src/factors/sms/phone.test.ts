// Threat: SMS pumping through numbers that bill the sender (premium rate, unallocated ranges) or
// cannot take a text at all. Only valid, SMS-capable numbers from allowed countries get through.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../../errors.js";
import { parseMobileNumber } from "./phone.js";

const open = { defaultRegion: undefined, allowedCountries: undefined };

async function refusal(raw: string, sms: Parameters<typeof parseMobileNumber>[1] = open): Promise<ValidationError> {
  try {
    await parseMobileNumber(raw, sms);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`${raw} was accepted`);
}

describe("numbers that can take an SMS", () => {
  test("the numbers the tests rely on have the types we assume", () => {
    expect(parsePhoneNumberFromString("+44 7400 123456")?.getType()).toBe("MOBILE");
    expect(parsePhoneNumberFromString("+1 201 555 0123")?.getType()).toBe("FIXED_LINE_OR_MOBILE");
    expect(parsePhoneNumberFromString("+44 20 7946 0958")?.getType()).toBe("FIXED_LINE");
    // Ofcom's drama range is not in libphonenumber's metadata as a valid mobile range.
    expect(parsePhoneNumberFromString("+44 7700 900123")?.isValid()).toBe(false);
  });

  test.each([
    ["+44 7400 123456", "+447400123456", "+44 ••• ••• 3456"],
    ["+44 (0)7400 123456", "+447400123456", "+44 ••• ••• 3456"],
    ["  +1 (201) 555-0123 ", "+12015550123", "+1 ••• ••• 0123"],
    ["+33 6 12 34 56 78", "+33612345678", "+33 ••• ••• 5678"],
  ])("%s is stored as %s and shown as %s", async (raw, e164, masked) => {
    expect(await parseMobileNumber(raw, open)).toMatchObject({ e164, masked });
  });

  test("a national form needs SMS_DEFAULT_REGION", async () => {
    expect((await refusal("07400 123456")).message).toMatch(/international/);
    expect((await parseMobileNumber("07400 123456", { defaultRegion: "GB" })).e164).toBe("+447400123456");
    expect((await parseMobileNumber("(201) 555-0123", { defaultRegion: "US" })).e164).toBe("+12015550123");
  });

  test.each([
    ["12"],
    ["+999 1234"],
    ["+44 7700 900123"],
    ["not a number"],
    [""],
    ["+44 7400 123456 ext. 12"],
    ["+44 20 7946 0958"], // fixed line
    ["+44 9090 123456"], // premium rate
    ["+44 800 123 4567"], // toll free
    ["+1 800 555 0123"], // toll free
    ["+44 56 1234 5678"], // VoIP
    ["+44 70 1234 5678"], // personal number (re-routed, a known fraud vector)
    ["+44 7400 123456".repeat(4)],
  ])("%s is refused on phoneNumber", async (raw) => {
    expect((await refusal(raw)).field).toBe("phoneNumber");
  });

  test("SMS_ALLOWED_COUNTRIES limits the destinations", async () => {
    const sms = { allowedCountries: ["GB", "US"] };
    expect((await parseMobileNumber("+44 7400 123456", sms)).country).toBe("GB");
    expect((await parseMobileNumber("+1 201 555 0123", sms)).country).toBe("US");
    expect((await refusal("+61 412 345 678", sms)).message).toMatch(/country/);
  });
});
