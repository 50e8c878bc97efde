/** The Node release tested against; its major must be the runtime's (scripts/infra.test.ts checks). */
export declare const LAMBDA_NODE_VERSION: string;
/** Path of the Lambda runtime's `node`, installed into the cache on first use. */
export declare function lambdaNode(version?: string): string;
