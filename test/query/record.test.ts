import {expect, test} from 'vitest';
import {columnsCatalogQuery, integrityQuery, rawSampleQuery} from '../../source/query/index.js';

test('integrityQuery binds the source file, never splices it', () => {
	const path = "logs/x' OR '1'='1.json.gz";
	const query = integrityQuery(path);
	expect(query.sql).not.toContain(path);
	expect(query.params).toEqual([path]);
	expect(query.sql).toMatch(/FROM files WHERE path = \? AND integrity IS NOT NULL/);
});

test('the console completion reads: the catalog takes no input, the raw sample binds its limit', () => {
	expect(columnsCatalogQuery().params).toEqual([]);
	expect(columnsCatalogQuery().sql).toContain('information_schema.columns');
	expect(rawSampleQuery(200)).toEqual({sql: 'SELECT CAST(raw AS VARCHAR) AS raw FROM events LIMIT ?', params: [200]});
});
