import type { Page } from "@access-identity/core";
import type { ObjectRef } from "@pothos/core";
import { builder } from "../builder.js";

/** A core Page with what the request asked for, which PageInfo needs (`hasPreviousPage`). */
export type RequestedPage<T> = Page<T> & { after?: string | null };

/** Every connection field returns its page through this, so PageInfo knows whether `after` was given. */
export function pageOf<T>(page: Page<T>, args: { after?: string | null }): RequestedPage<T> {
  return { ...page, after: args.after ?? null };
}

export const PageInfo = builder.objectRef<RequestedPage<unknown>>("PageInfo").implement({
  description: "Where a page of a connection sits. Pagination is forward only: pass `endCursor` as `after` for the next page.",
  fields: (t) => ({
    hasNextPage: t.exposeBoolean("hasNextPage", { description: "More items follow this page." }),
    hasPreviousPage: t.boolean({
      description: "Items come before this page: true when it was asked for with `after` (forward-only pagination, as Relay allows).",
      resolve: (page) => Boolean(page.after),
    }),
    startCursor: t.string({
      nullable: true,
      description: "The cursor of the first item of this page; null when the page is empty.",
      resolve: (page) => page.items[0]?.cursor ?? null,
    }),
    endCursor: t.exposeString("endCursor", { nullable: true, description: "The cursor of the last item: pass it as `after` for the next page. Null when the page is empty." }),
  }),
});

/** A Relay connection type (`edges { cursor node }`, `pageInfo`) over a core Page. */
// biome-ignore lint: Pothos refs are invariant in their first parameter
export function connection<T>(name: string, nodeRef: ObjectRef<any, T>, nodeDescription = "the item") {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    description: `One ${nodeDescription} of a page, with its cursor.`,
    fields: (t) => ({
      cursor: t.exposeString("cursor", { description: "Opaque: pass it as `after` to continue after this item." }),
      node: t.field({ type: nodeRef, description: `The ${nodeDescription}.`, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<RequestedPage<T>>(`${name}Connection`).implement({
    description: `A page of ${nodeDescription}s (Relay connection): at most \`first\` (default 20, at most 100) after the cursor \`after\`.`,
    fields: (t) => ({
      edges: t.field({ type: [Edge], description: "This page's items, in order.", resolve: (page) => page.items }),
      pageInfo: t.field({ type: PageInfo, description: "Whether more pages follow, and the cursors to ask for them.", resolve: (page) => page as RequestedPage<unknown> }),
    }),
  });
}

/** The descriptions of every connection field's arguments (`first`, `after`). */
export const FIRST_ARG = "How many items, 1-100 (default 20).";
export const AFTER_ARG = "Continue after this cursor (a previous page's `endCursor`).";
