/** s3://bucket[/prefix] URIs. */
import {S3SourceError} from './errors.js';

/** A parsed s3:// URI. */
export type S3Location = {bucket: string; prefix: string};

// S3's bucket naming rules (3-63 characters of a-z, 0-9, '.', '-'; starts and ends with a letter or digit).
const bucketPattern = /^[a-z\d][a-z\d.-]{1,61}[a-z\d]$/;

/** Parse s3://BUCKET[/PREFIX]; throws {@link S3SourceError} naming what is wrong. */
export function parseS3Uri(uri: string): S3Location {
	const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(uri.trim());
	if (!match) {
		throw new S3SourceError(`not an S3 URI: ${uri} (expected s3://BUCKET or s3://BUCKET/PREFIX)`);
	}

	const bucket = match[1] ?? '';
	if (bucket === '') {
		throw new S3SourceError(`no bucket in ${uri} (expected s3://BUCKET or s3://BUCKET/PREFIX)`);
	}

	if (!bucketPattern.test(bucket) || bucket.includes('..')) {
		throw new S3SourceError(`not a valid bucket name: ${bucket} in ${uri} (3-63 characters: a-z, 0-9, '.' and '-')`);
	}

	return {bucket, prefix: match[2] ?? ''};
}
