/** The Athena client, configured as the aws CLI's --profile and --region would. */
import '../sources/s3/sdk-env.js';
import {AthenaClient} from '@aws-sdk/client-athena';

export function createAthenaClient(options: {region?: string; profile?: string}): AthenaClient {
	return new AthenaClient({
		...(options.profile === undefined ? {} : {profile: options.profile}),
		...(options.region === undefined ? {} : {region: options.region}),
		retryMode: 'standard',
		maxAttempts: 6,
	});
}
