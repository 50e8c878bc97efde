import { builder } from "../builder.js";
import type { Context } from "../context.js";

/**
 * Relay's object identification: every type with a globally unique id implements Node, and
 * `node(id)` refetches it under the same access rules as anywhere else. Ids are prefixed
 * (`usr_`, `fac_`, `evt_`, `dom_`…), so the prefix says which loader may know the object; an
 * object the caller may not see is null, exactly like one that does not exist.
 */
const NODE_TYPE = Symbol("node type");
type NodeValue = object & { [NODE_TYPE]?: string };

export const NodeRef = builder.interfaceRef<object>("Node").implement({
  description: "An object with a globally unique, opaque id: refetch it with `Query.node(id:)` (normalised caches key on it).",
  resolveType: (value) => (value as NodeValue)[NODE_TYPE] ?? null,
  fields: (t) => ({
    id: t.id({
      description: "Globally unique and stable; treat it as opaque.",
      // Every implementing type defines its own `id`: this one is never reached.
      resolve: () => {
        throw new Error("Node.id is resolved by each type");
      },
    }),
  }),
});

type Loader = (context: Context, id: string) => Promise<object | null | undefined>;
const loaders = new Map<string, { typename: string; load: Loader }>();

/** One line per Node type: the prefix of its ids, its GraphQL type name, and how a caller may see it. */
export function registerNode(prefix: string, typename: string, load: Loader): void {
  if (loaders.has(prefix)) throw new Error(`Node prefix ${prefix} is registered twice`);
  loaders.set(prefix, { typename, load });
}

builder.queryField("node", (t) =>
  t.field({
    type: NodeRef,
    nullable: true,
    description:
      "Any object by its global id (User, Domain, Factor, SessionInfo, AuditEvent) if the caller may see it: their own, or, for owners of a verified domain, that domain and its members. Null otherwise, whether or not it exists.",
    args: { id: t.arg.id({ required: true, description: "A global id, as read from an object's `id` field." }) },
    resolve: async (_root, args, context) => {
      const id = String(args.id);
      const loader = loaders.get(id.slice(0, id.indexOf("_")));
      if (!loader || !context.caller) return null;
      const value = await loader.load(context, id);
      return value ? ({ ...value, [NODE_TYPE]: loader.typename } as NodeValue) : null;
    },
  }),
);
