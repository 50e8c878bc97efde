import type { Page } from "@access-identity/core";
import type { ObjectRef } from "@pothos/core";
import { builder } from "../builder.js";

export const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>("PageInfo").implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean("hasNextPage"),
    endCursor: t.exposeString("endCursor", { nullable: true }),
  }),
});

/** A Relay connection type (`edges { cursor node }`, `pageInfo`) over a core Page. */
// biome-ignore lint: Pothos refs are invariant in their first parameter
export function connection<T>(name: string, nodeRef: ObjectRef<any, T>) {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      node: t.field({ type: nodeRef, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [Edge], resolve: (page) => page.items }),
      pageInfo: t.field({ type: PageInfo, resolve: (page) => page }),
    }),
  });
}
