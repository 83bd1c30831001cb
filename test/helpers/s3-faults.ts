/**
 * A tiny HTTP proxy between an S3 client and a test server that logs requests by kind and injects
 * faults by rule: S3 error responses, connection resets, bodies cut mid-stream, requests never answered,
 * bodies that stall after their headers, bodies with a flipped byte.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';

/** What a request was, for assertions. */
export type LoggedRequest = {
	kind: 'ListObjectsV2' | 'GetObject' | 'HeadObject' | 'PutObject' | 'Other';
	method: string;
	bucket: string;
	/** Object key (GetObject, HeadObject, PutObject). */
	key?: string;
	/** ListObjectsV2 prefix and delimiter. */
	prefix?: string;
	delimiter?: string;
	/** What the proxy did: forwarded, or the fault it injected. */
	outcome: 'forwarded' | FaultAction;
};

/** A fault to inject. */
export type FaultAction =
	| 'slowDown'
	| 'internalError'
	| 'reset'
	| 'cutBody'
	| 'accessDenied'
	| 'wrongRegion'
	| 'stall'
	| 'stallBody'
	| 'corruptBody';

/** Inject `action` into the next `times` requests that match. */
export type FaultRule = {
	kind: LoggedRequest['kind'];
	/** Only requests for this key (GetObject) or with this prefix (ListObjectsV2). */
	key?: string;
	prefix?: string;
	action: FaultAction;
	/** How many matching requests get the fault (default 1; Infinity for all). */
	times?: number;
};

/** A running proxy. */
export type FaultProxy = {
	endpoint: string;
	log: LoggedRequest[];
	addRule(rule: FaultRule): void;
	/** Forget rules and the log. */
	reset(): void;
	close(): Promise<void>;
};

function classify(request: http.IncomingMessage): Omit<LoggedRequest, 'outcome'> {
	const url = new URL(request.url ?? '/', 'http://proxy');
	const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
	const key = rest.map(segment => decodeURIComponent(segment)).join('/');
	const method = request.method ?? 'GET';
	const base = {method, bucket: decodeURIComponent(bucket)};
	if (method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
		return {
			...base,
			kind: 'ListObjectsV2',
			prefix: url.searchParams.get('prefix') ?? '',
			...(url.searchParams.has('delimiter') ? {delimiter: url.searchParams.get('delimiter')!} : {}),
		};
	}

	if (key !== '') {
		const kind =
			method === 'GET' ? 'GetObject' : method === 'HEAD' ? 'HeadObject' : method === 'PUT' ? 'PutObject' : 'Other';
		return {...base, kind, key};
	}

	return {...base, kind: 'Other'};
}

const errorXml = (code: string, message: string): string =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
	`<RequestId>proxy</RequestId><HostId>proxy</HostId></Error>`;

function sendError(
	response: http.ServerResponse,
	status: number,
	code: string,
	message: string,
	headers: http.OutgoingHttpHeaders = {},
): void {
	const body = errorXml(code, message);
	response.writeHead(status, {
		...headers,
		'content-type': 'application/xml',
		'content-length': Buffer.byteLength(body),
	});
	response.end(body);
}

/** Start a proxy on 127.0.0.1 in front of `upstream` (e.g. http://127.0.0.1:PORT). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
	const target = new URL(upstream);
	const rules: Array<FaultRule & {left: number}> = [];
	const log: LoggedRequest[] = [];

	const forward = (
		request: http.IncomingMessage,
		response: http.ServerResponse,
		onResponse?: (upstreamResponse: http.IncomingMessage) => void,
	): void => {
		const upstreamRequest = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: request.method,
				path: request.url,
				headers: request.headers,
			},
			upstreamResponse => {
				if (onResponse) {
					onResponse(upstreamResponse);
					return;
				}

				response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
				upstreamResponse.pipe(response);
			},
		);
		upstreamRequest.on('error', () => response.destroy());
		request.pipe(upstreamRequest);
	};

	const server = http.createServer((request, response) => {
		const info = classify(request);
		const rule = rules.find(
			candidate =>
				candidate.left > 0 &&
				candidate.kind === info.kind &&
				(candidate.key === undefined || candidate.key === info.key) &&
				(candidate.prefix === undefined || candidate.prefix === info.prefix),
		);
		if (rule) {
			rule.left -= 1;
		}

		const action = rule?.action;
		log.push({...info, outcome: action ?? 'forwarded'});
		switch (action) {
			case undefined: {
				forward(request, response);
				return;
			}

			case 'slowDown': {
				request.resume();
				sendError(response, 503, 'SlowDown', 'Please reduce your request rate.');
				return;
			}

			case 'internalError': {
				request.resume();
				sendError(response, 500, 'InternalError', 'We encountered an internal error. Please try again.');
				return;
			}

			case 'accessDenied': {
				request.resume();
				sendError(response, 403, 'AccessDenied', 'Access Denied');
				return;
			}

			case 'wrongRegion': {
				// What S3 answers when the client signs for another region than the bucket's.
				request.resume();
				sendError(
					response,
					301,
					'PermanentRedirect',
					'The bucket you are attempting to access must be addressed using the specified endpoint.',
					{'x-amz-bucket-region': 'eu-west-1'},
				);
				return;
			}

			case 'reset': {
				request.socket.destroy();
				return;
			}

			case 'stall': {
				// The connection is accepted and the request read; no answer ever comes.
				request.resume();
				return;
			}

			case 'stallBody': {
				forward(request, response, upstreamResponse => {
					const chunks: Buffer[] = [];
					upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
					upstreamResponse.on('end', () => {
						const body = Buffer.concat(chunks);
						// Headers and the first half of the body, then nothing more on an open connection.
						response.writeHead(upstreamResponse.statusCode ?? 200, {
							...upstreamResponse.headers,
							'content-length': String(body.length),
						});
						response.write(body.subarray(0, Math.floor(body.length / 2)));
					});
				});
				return;
			}

			case 'corruptBody': {
				forward(request, response, upstreamResponse => {
					const chunks: Buffer[] = [];
					upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
					upstreamResponse.on('end', () => {
						// Every byte arrives, with the same length and headers (ETag included), but one byte is wrong.
						const body = Buffer.concat(chunks);
						body[Math.floor(body.length / 2)]! ^= 0x01;
						response.writeHead(upstreamResponse.statusCode ?? 200, {
							...upstreamResponse.headers,
							'content-length': String(body.length),
						});
						response.end(body);
					});
				});
				return;
			}

			case 'cutBody': {
				forward(request, response, upstreamResponse => {
					const chunks: Buffer[] = [];
					upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
					upstreamResponse.on('end', () => {
						const body = Buffer.concat(chunks);
						// Headers promise the whole body (Content-Length); half of it comes, then the connection drops.
						response.writeHead(upstreamResponse.statusCode ?? 200, {
							...upstreamResponse.headers,
							'content-length': String(body.length),
						});
						response.write(body.subarray(0, Math.floor(body.length / 2)), () => {
							setTimeout(() => response.socket?.destroy(), 20);
						});
					});
				});
			}
		}
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		log,
		addRule(rule) {
			rules.push({...rule, left: rule.times ?? 1});
		},
		reset() {
			rules.length = 0;
			log.length = 0;
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => resolve());
			});
		},
	};
}
