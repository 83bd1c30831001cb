/**
 * source/query/: pure code, no I/O: filter state -> SQL text plus bound parameters, time parsing, paging.
 */
export * from './sql.js';
export * from './filters.js';
export * from './columns.js';
export * from './where.js';
export * from './time.js';
export * from './facets.js';
export * from './bars.js';
export {
	BUCKETS,
	BUCKET_ORIGIN_MS,
	bucketCount,
	bucketStart,
	chooseBucket,
	fillBuckets,
	histogramCountsQuery,
	spanQuery,
	type Bucket,
} from './histogram.js';
export * from './paging.js';
export * from './sql-view.js';
export * from './record.js';
export * from './catalog.js';
