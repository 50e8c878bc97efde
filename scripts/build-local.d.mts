/** Bundles `entry` (from the repository root) as `npm start`'s server is bundled; resolves with the built file's path. */
export declare function buildLocal(options: { entry: string; outdir: string; name?: string; quiet?: boolean }): Promise<string>;
