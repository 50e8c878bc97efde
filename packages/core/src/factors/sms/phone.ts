import type { CountryCode, NumberType } from "libphonenumber-js/max";
import type { Config } from "../../config.js";
import { ValidationError } from "../../errors.js";

/** A number we are willing to text: valid, able to receive SMS, from an allowed country. */
export interface PhoneNumber {
  /** "+447400123456": what is stored and what SNS is given. */
  e164: string;
  /** "+44 ••• ••• 3456": the only form ever shown back. */
  masked: string;
  country: string;
}

/**
 * Types that can take an SMS. FIXED_LINE_OR_MOBILE is how the metadata describes whole countries
 * (the US, Canada) whose mobile and landline ranges are not told apart; refusing it would refuse
 * every North American user. `undefined` (type unknown) is refused: `max` metadata knows the type
 * of every valid number it accepts, so unknown means "not one we can vouch for".
 */
const SMS_CAPABLE: ReadonlySet<NumberType> = new Set<NumberType>(["MOBILE", "FIXED_LINE_OR_MOBILE"]);

/** Longer than any real number in any written form (E.164 is at most 15 digits, plus spacing). */
const MAX_INPUT_LENGTH = 40;

const FIELD = "phoneNumber";

/**
 * Parses any common written form of a number ("+44 7400 123456", "(201) 555-0123" with a default
 * region) into E.164, or throws a ValidationError on `phoneNumber`. Validation happens before
 * anything counts or sends, so a junk or premium-rate number never reaches the provider: this is
 * the first defence against SMS pumping (toll fraud through premium or unallocated ranges).
 */
export async function parseMobileNumber(
  raw: string,
  sms: Pick<Config["sms"], "defaultRegion" | "allowedCountries">,
): Promise<PhoneNumber> {
  const input = raw.normalize("NFKC").trim();
  if (!input) throw new ValidationError("Enter a mobile phone number.", FIELD);
  if (input.length > MAX_INPUT_LENGTH) throw new ValidationError("That is not a valid phone number.", FIELD);
  if (!input.startsWith("+") && !sms.defaultRegion) {
    throw new ValidationError("Enter the number in international form, starting with + and the country code.", FIELD);
  }
  // The full metadata (about 200 kB) loads with the first number a process parses, not at every cold start.
  const { parsePhoneNumberFromString } = await import("libphonenumber-js/max");
  const parsed = parsePhoneNumberFromString(input, {
    defaultCountry: sms.defaultRegion as CountryCode | undefined,
    extract: false,
  });
  if (!parsed || !parsed.isValid()) throw new ValidationError("That is not a valid phone number.", FIELD);
  if (parsed.ext) throw new ValidationError("Leave out the extension: it must be a mobile number.", FIELD);
  const type = parsed.getType();
  if (!type || !SMS_CAPABLE.has(type)) {
    throw new ValidationError("That number cannot receive text messages. Use a mobile number.", FIELD);
  }
  const country = parsed.country;
  if (sms.allowedCountries && (!country || !sms.allowedCountries.includes(country))) {
    throw new ValidationError("Text messages cannot be sent to numbers in that country.", FIELD);
  }
  return { e164: parsed.number, masked: maskPhoneNumber(parsed.countryCallingCode, parsed.nationalNumber), country: country ?? "" };
}

/**
 * "+44 ••• ••• 3456": the country code and the last four digits, enough for a user to recognise
 * their own number and too little to learn anyone else's. The shape does not follow the real
 * grouping, so the mask does not reveal the number's length either.
 */
export function maskPhoneNumber(countryCallingCode: string, nationalNumber: string): string {
  return `+${countryCallingCode} ••• ••• ${nationalNumber.slice(-4)}`;
}
