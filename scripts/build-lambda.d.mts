/** Where `npm run build` writes the deployed artefact (dist/lambda). */
export declare const OUTDIR: string;
/** esbuild's metafile of the last build (dist/lambda-meta.json), kept out of the artefact. */
export declare const METAFILE: string;
/** The native binaries copied beside the bundle, as package paths. */
export declare const NATIVE_BINARIES: string[];
/** The copies of graphql among a bundle's inputs ("…/node_modules/graphql (CommonJS)"). */
export declare function graphqlCopiesIn(inputs: string[]): string[];
export declare function buildLambda(options?: { quiet?: boolean }): Promise<{ eagerBytes: number; lazyBytes: number; nativeBytes: number }>;
