/** One file handed to the loader, wherever it came from. */
export type InputFile = {
	/** Local path the loader reads (for S3, the cached copy). */
	path: string;
	/** What the files ledger records and messages name: an absolute local path, or s3://bucket/key. */
	origin: string;
	/** Size in bytes of the file at `path`. */
	size: number;
};
