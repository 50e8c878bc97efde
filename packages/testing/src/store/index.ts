export { startEmbeddedStore, type EmbeddedStore } from "./embedded.js";
export { readItem, queryItems, scanItems, putItem, type StoreItem } from "./items.js";
export { startFaultyProxy, startProxiedStore, sessionWriteOf, type Fault, type FaultyProxy, type Hold, type RequestMatch } from "./faulty-proxy.js";
