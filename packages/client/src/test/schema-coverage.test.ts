// The client keeps up with the schema: every root field has an operation (so a method), and the
// runtime rule `isFailure` uses (error types are named ...Error) matches the schema's Error interface.
import { readFileSync } from "node:fs";
import { buildSchema, isObjectType, isUnionType, parse, type OperationDefinitionNode } from "graphql";
import { expect, test } from "vitest";
import * as generated from "../generated/graphql.js";
import { createAccessIdentityClient } from "../index.js";

const schema = buildSchema(readFileSync(new URL("../../../../schema.graphql", import.meta.url), "utf8"));

test("every Query and Mutation field is asked for by an operation, and each operation is a client method", () => {
  const rootFields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort();
  const documents = Object.entries(generated).filter(([name]) => name.endsWith("Document"));
  const asked = new Set<string>();
  const client = createAccessIdentityClient({ url: "http://localhost/graphql" }) as unknown as Record<string, unknown>;
  for (const [name, document] of documents) {
    const operation = parse(String(document)).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
    expect(operation.selectionSet.selections, name).toHaveLength(1);
    const field = operation.selectionSet.selections[0]!;
    if (field.kind === "Field") asked.add(field.name.value);
    expect(typeof client[name[0]!.toLowerCase() + name.slice(1, -"Document".length)], name).toBe("function");
  }
  expect([...asked].sort()).toEqual(rootFields);
});

test("the types implementing Error are exactly the union members named ...Error", () => {
  const errorInterface = schema.getType("Error")!;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isUnionType(type)) continue;
    for (const member of type.getTypes()) {
      const implementsError = member.getInterfaces().some((i) => i === errorInterface);
      expect(implementsError, `${type.name}.${member.name}`).toBe(member.name.endsWith("Error"));
    }
  }
  expect(Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.name.endsWith("Error") && !t.getInterfaces().includes(errorInterface as never))).toEqual([]);
});

test("src/generated/ is what GraphQL Code Generator makes from today's schema.graphql (else: npm run codegen -w @access-identity/client)", async () => {
  const { promisify } = await import("node:util");
  const { execFile } = await import("node:child_process");
  const packageDir = new URL("../..", import.meta.url).pathname;
  await expect(promisify(execFile)("npx", ["graphql-codegen", "--config", "codegen.yml", "--check"], { cwd: packageDir })).resolves.toBeDefined();
}, 60_000);
