// Threat: hostile or careless input — oversized, Unicode, control characters, wrong types — fed
// to every mutation. Never a 500, never a masked internal error for the caller's own mistake,
// never a stack trace, and a refused call leaves the store as it was.
import fc from "fast-check";
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLString,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { scanItems } from "@access-identity/testing/store";
import { signUpUser } from "@access-identity/testing/flows";
import { sortedSchema } from "../schema.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\u202e\u202d", "'; DROP TABLE x; --", "{{7*7}}", "%s%s%n", "../../etc/passwd", "a@b", "+44 7700 900123", "000000", "chl_00000000000000000000000000", "fac_00000000000000000000000000"),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => "ä".repeat(n)),
);
const wrongTyped = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));

function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) return valueFor(type.ofType, depth);
  if (type instanceof GraphQLList) return fc.array(valueFor(type.ofType, depth + 1), { maxLength: 3 });
  if (type instanceof GraphQLEnumType) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), hostileString);
  if (type instanceof GraphQLInputObjectType) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, fc.oneof({ weight: 4, arbitrary: valueFor(f.type, depth + 1) }, { weight: 1, arbitrary: wrongTyped })])), {
      requiredKeys: [],
    });
  }
  if (type === GraphQLInt) return fc.oneof(fc.integer(), fc.integer({ min: -5, max: 200 }));
  if (type === GraphQLBoolean) return fc.boolean();
  if (type === GraphQLString || type === GraphQLID) return hostileString;
  if (type instanceof GraphQLScalarType && type.name === "JSON") return fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ id: hostileString, rawId: hostileString, type: fc.constant("public-key"), response: fc.object({ maxDepth: 2 }) }));
  return wrongTyped;
}

/** Everything but rate-limit windows and audit events (which a refused call may rightly write), and outbox delivery progress. */
async function durableState(): Promise<string> {
  const items = await scanItems(api.deps);
  return JSON.stringify(
    items
      .filter((i) => !/^(RATE|AUDIT)#/.test(String(i.PK)))
      .map((i): Record<string, unknown> => ({ ...i, lastSeenAt: undefined }))
      // An email already in the outbox is sent in the background meanwhile: its delivery progress
      // is not the call's doing (a new outbox item still counts as a change).
      .map((i) => (i.type === "outbox" ? { PK: i.PK, SK: i.SK, type: i.type, to: i.to, template: i.template, createdAt: i.createdAt } : i))
      .sort((a, b) => `${a.PK}${a.SK}`.localeCompare(`${b.PK}${b.SK}`)),
  );
}

const mutations = Object.values(sortedSchema().getMutationType()!.getFields());

test.each(mutations.map((m) => [m.name, m] as const))("%s survives hostile input", async (name, field) => {
  const input = field.args.find((a) => a.name === "input");
  const argType = input ? String(input.type) : undefined;
  const { token } = await signUpUser(api); // a user of its own: a successful signOut revokes it
  const query = `mutation${argType ? `($input: ${argType})` : ""} { ${name}${argType ? "(input: $input)" : ""} { __typename ... on Error { message } } }`;
  await fc.assert(
    fc.asyncProperty(input ? valueFor(input.type) : fc.constant(undefined), fc.boolean(), async (value, signedIn) => {
      const before = await durableState();
      const res = await api.gql(query, input ? { input: value } : {}, { token: signedIn ? token : undefined });
      expect(res.status).toBeLessThan(500);
      const text = JSON.stringify(res.errors ?? []);
      expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|Unexpected error|stack|node_modules|\.ts:\d/);
      const result = res.data?.[name] as { __typename: string } | undefined;
      const refused = !result || /Error$/.test(result.__typename);
      if (refused) expect(await durableState()).toBe(before);
    }),
    { numRuns: 15 },
  );
});
