import { domainOf } from "../accounts/email.js";
import { keys } from "../db/keys.js";
import { isPublicMailDomain } from "./public-mail.js";

/**
 * The GSI1 attributes an account item carries so that it is listed among its domain's members,
 * or none. A public mail domain (gmail.com...) can never be claimed, so nobody can ever list its
 * members: its accounts stay out of the index, and the millions of them never share one index
 * partition (a hot key whose write throughput would cap sign-ups). `email` is normalised.
 */
export async function memberIndexKeys(email: string): Promise<{ GSI1PK: string; GSI1SK: string } | Record<string, never>> {
  const domain = domainOf(email);
  return (await isPublicMailDomain(domain)) ? {} : keys.domainMember(domain, email);
}
