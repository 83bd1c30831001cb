/** A TCP server on 127.0.0.1 that accepts connections and never answers (or answers headers, then stalls). */
import net from 'node:net';
import type {AddressInfo} from 'node:net';

/** A running server. */
export type HangServer = {
	endpoint: string;
	/** Connections accepted so far. */
	connections(): number;
	close(): Promise<void>;
};

/**
 * Start a server. 'silent': reads each request and never writes a byte. 'headers': answers every request with
 * a 200 whose headers promise a body of 1,000 bytes, sends 10 of them, and then nothing, keeping the connection open.
 */
export async function startHangServer(mode: 'silent' | 'headers'): Promise<HangServer> {
	const sockets = new Set<net.Socket>();
	let accepted = 0;
	const server = net.createServer(socket => {
		accepted += 1;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		let answered = false;
		socket.on('data', () => {
			if (mode === 'headers' && !answered) {
				answered = true;
				socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 1000\r\n\r\n<?xml vers');
			}
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		connections: () => accepted,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => {
				server.close(() => resolve());
			});
		},
	};
}
