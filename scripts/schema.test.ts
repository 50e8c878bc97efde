// schema.graphql is the printed contract frontends read: it must match the code exactly.
import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { expect, test } from "vitest";
import { sortedSchema } from "@access-identity/graphql";

test("schema.graphql matches the schema the code builds (run `npm run schema:print`)", () => {
  const file = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
  expect(file).toBe(`${printSchema(sortedSchema())}\n`);
});

test("every mutation with arguments takes a single `input` argument, and returns a result union", () => {
  const mutation = sortedSchema().getMutationType()!;
  for (const field of Object.values(mutation.getFields())) {
    if (field.args.length > 0) expect(field.args.map((a) => a.name), field.name).toEqual(["input"]);
    expect(String(field.type), field.name).toMatch(/Result!$/);
  }
});
