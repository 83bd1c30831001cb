/**
 * The answer cache the screen resolves reads from while the events cannot change: per lane, by key, the most
 * recently used kept.
 */
import {describe, expect, it} from 'vitest';
import {AnswerCache, answerCacheOf, KEPT} from '../../../source/ui/hooks/answer-cache.js';

describe('AnswerCache', () => {
	it('keeps answers per lane and key', () => {
		const cache = new AnswerCache();
		cache.keep('facets', 'a', [1]);
		cache.keep('page', 'a', [2]);
		expect(cache.get('facets', 'a')).toEqual({data: [1]});
		expect(cache.get('page', 'a')).toEqual({data: [2]});
		expect(cache.get('count', 'a')).toBeUndefined();
		expect(cache.has('facets', 'b')).toBe(false);
	});

	it('keeps a null answer (a record that is not there) as an answer', () => {
		const cache = new AnswerCache();
		cache.keep('record', 'gone', null);
		expect(cache.get('record', 'gone')).toEqual({data: null});
	});

	it(`drops the least recently used beyond ${KEPT} per lane; reading an answer makes it recent`, () => {
		const cache = new AnswerCache();
		for (let i = 0; i < KEPT; i++) cache.keep('page', `k${i}`, i);
		expect(cache.get('page', 'k0')).toEqual({data: 0});
		cache.keep('page', 'new', 'n');
		expect(cache.has('page', 'k0')).toBe(true);
		expect(cache.has('page', 'k1')).toBe(false);
		for (let i = 2; i < KEPT; i++) expect(cache.has('page', `k${i}`), `k${i}`).toBe(true);
		cache.keep('facets', 'other', 1);
		expect(cache.has('page', 'new')).toBe(true);
	});

	it('keeping a key again replaces its answer without growing', () => {
		const cache = new AnswerCache(2);
		cache.keep('count', 'a', 1);
		cache.keep('count', 'b', 2);
		cache.keep('count', 'a', 3);
		cache.keep('count', 'c', 4);
		expect(cache.get('count', 'a')).toEqual({data: 3});
		expect(cache.has('count', 'b')).toBe(false);
	});

	it('is one cache per reader', () => {
		const one = {};
		const two = {};
		answerCacheOf(one).keep('count', 'k', 1);
		expect(answerCacheOf(one).get('count', 'k')).toEqual({data: 1});
		expect(answerCacheOf(two).get('count', 'k')).toBeUndefined();
	});
});
