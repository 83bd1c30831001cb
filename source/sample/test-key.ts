/**
 * A fixed RSA key pair FOR TESTS ONLY: the sample generator signs its CloudTrail-Digest files with it so that
 * `clicktrail verify` can be exercised offline. It is public (it is in this repository), so a signature made with it
 * proves nothing about real evidence; real digests are signed by AWS and verified with the keys that
 * `aws cloudtrail list-public-keys` prints.
 */
import {createHash, createPrivateKey, createPublicKey, sign, type KeyObject} from 'node:crypto';

/** The test private key (PKCS#8 PEM, RSA 2048). TEST ONLY: never use it for anything real. */
export const SAMPLE_TEST_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCn4fZebVlZ65cf
hDfE788pZRQKGnecZjk00STNv1E+CqYM6de+MLTGcV3KRe0m34ruGADSYOOJdSK/
GFZVW6+JxA/HkhyqX/vjxMayFyTTRGVVo2DR958YsxPuxcWLVswmYeEbJWtCB7Og
eIFgmH366KCoW7uhLPTSN4rpPsWWI2u76JOmWSNRNlePAVYpsTjKTy2FH51dPOe8
5HCxoYzg2CRsDiaJtmb9RfOR85myqCzo9C9LEPyFkc87KWOa8anwJsGcN7pvGjpq
8q0qOluU6rzOBI42sz2/mpG6O4nCm9hO5DaiO8Y5Dv/V1W4vh/e3ZG8WVti1+Pz/
YgltDb3nAgMBAAECggEAC97kZsTgnoUUCHx23Qv/3/NvuU8pyftIbD2llo7Cldp2
507ZnG8hOS7m7NiI7ki8MB2uYTHMpPmNXWnBIQP8o4cjfn8MW9exnedaDVmplu6t
I6MLw4z4yOxQqn99el7GzKf7HMpGjUKyJtSegVAHCGjOg1kJKVpebUbUIa34lqcJ
DuWQh4MQl10kRDtR/tS45etxqNEK78/MUrOFJZs6aDIyswuBhXD54axk5cOuGWbH
J85VjX8BNLU8FGGrJojxdNArBqaxKjcKSxU9gQBzdMPDccLb6omodfhIm+UVvdHJ
IhJ6gZ7iItvxJ5pJo0vgW43puvtdSaZsCJtrriamwQKBgQDk6jwr4g8um+Mlku0y
1cTUZEwCAU8eHSRWA3yeSTlQo8VxeS8NzhCLyuqPQjubpVb9aHVs1yBUslZqqSGH
7m+mkDC9a1koyK07op+cZfni+cHiSHPCgIjKR/OtBd8KnPbO46dRmYpe5GbFMI87
CRlCSzc0FT6YEkvEG5BFDGVYUQKBgQC7vxO+OBo4MU6TP5wGe3A4DrVMpZW7Mq+1
fqJ/z7FEVgKEsjmOBMNk1BiD5vHI9Ur3rGMQBk4zKn4xxG1PyQIt7RMVYbh1+mKU
0WkFJut7FISoRq5snXCqgsUikVqHKaX6gssPdKxVqrkFv0UGwc4UJFg/7UHH7kWa
LDgQFdbctwKBgQDkh9/oY3eKrYAYW9VIAdfNvg+PlOT6iFdlM3fuweVhVw5fWX8b
RhSIqtx+hr3hhjARLn7EWQRi6eOR+iWKggSfAaZXBFtvduBS/+heiAPvkC36jSBc
Flv5rdlca9cezlMremTo9uMIFvdudysW4d+AqnyDF4503RccwfPGqzhl8QKBgGMd
Pqj/KShdL2QhApeRdu7BJQkvqVpIKeag0dyzopu25GF1TVkiPpzuM3r+4sn6ZPdX
tHxzN7lfR3uyfRrPvSzNqXNyQVVXN8/ktZKYt1wkutuzZMXGYAJEQxo6rhYI8KzN
e7HPIGOhW0gjb6dfjRGpFkW5VS7dJTV8/qPPQ70FAoGAQUOhOTsKtqZEE9Kh/7IN
IejGPOHfTBl1TdvU5eKNYbiyezrgn94xoc2s6Fiej00KuyGtfiGM48UFwy/sOwiL
dZ+V1hOAQHGSzFumESfzd7PsphkO+DMb3V6qYlUx8RN8MoaJn6LPgRIoMoWRv5bY
TqhjqWEPomGajkdOjbELoVQ=
-----END PRIVATE KEY-----
`;

/** The test public key (PKCS#1 PEM, RSA 2048), the counterpart of {@link SAMPLE_TEST_PRIVATE_KEY_PEM}. */
export const SAMPLE_TEST_PUBLIC_KEY_PEM = `-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAp+H2Xm1ZWeuXH4Q3xO/PKWUUChp3nGY5NNEkzb9RPgqmDOnXvjC0
xnFdykXtJt+K7hgA0mDjiXUivxhWVVuvicQPx5Icql/748TGshck00RlVaNg0fef
GLMT7sXFi1bMJmHhGyVrQgezoHiBYJh9+uigqFu7oSz00jeK6T7FliNru+iTplkj
UTZXjwFWKbE4yk8thR+dXTznvORwsaGM4NgkbA4mibZm/UXzkfOZsqgs6PQvSxD8
hZHPOyljmvGp8CbBnDe6bxo6avKtKjpblOq8zgSONrM9v5qRujuJwpvYTuQ2ojvG
OQ7/1dVuL4f3t2RvFlbYtfj8/2IJbQ295wIDAQAB
-----END RSA PUBLIC KEY-----
`;

let privateKey: KeyObject | undefined;

/** The test public key as PKCS#1 DER: what CloudTrail's ListPublicKeys returns (base64) in `Value`. */
export function sampleTestPublicKeyDer(): Buffer {
	return createPublicKey(SAMPLE_TEST_PUBLIC_KEY_PEM).export({type: 'pkcs1', format: 'der'});
}

/**
 * The test key's fingerprint, as digestPublicKeyFingerprint and ListPublicKeys' `Fingerprint` carry it: hex MD5 of
 * the PKCS#1 DER public key. (aws-cli's validate-logs never recomputes it: it looks the digest's fingerprint up
 * among the listed keys' `Fingerprint` strings.)
 */
export const SAMPLE_TEST_KEY_FINGERPRINT = createHash('md5').update(sampleTestPublicKeyDer()).digest('hex');

/** Signs `text` with the test key: SHA256withRSA (PKCS#1 v1.5, deterministic), hex. */
export function signWithTestKey(text: string): string {
	privateKey ??= createPrivateKey(SAMPLE_TEST_PRIVATE_KEY_PEM);
	return sign('sha256', Buffer.from(text, 'utf8'), privateKey).toString('hex');
}

/**
 * The test public key in the shape `aws cloudtrail list-public-keys` prints, for `clicktrail verify --public-keys`.
 * Its validity spans the sample generator's whole default window and more.
 */
export function sampleTestPublicKeys(): {
	PublicKeyList: {Value: string; ValidityStartTime: string; ValidityEndTime: string; Fingerprint: string}[];
} {
	return {
		PublicKeyList: [
			{
				Value: sampleTestPublicKeyDer().toString('base64'),
				ValidityStartTime: '2000-01-01T00:00:00Z',
				ValidityEndTime: '2100-01-01T00:00:00Z',
				Fingerprint: SAMPLE_TEST_KEY_FINGERPRINT,
			},
		],
	};
}
