import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** CORS for the local bucket: the web app PUTs straight from the browser, as it will to S3. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * s3rver, an S3-compatible server from the npm registry, with the media bucket. It does not verify
 * signatures or policies: the API checks type and size itself. Port 0 picks a free port.
 * @example const s3 = await startLocalS3({ port: 4569, directory: '.local/s3' });
 */
export async function startLocalS3(options: { port: number; directory: string; bucket?: string }): Promise<LocalS3> {
  const bucket = options.bucket ?? 'mekendesh-media';
  const port = options.port === 0 ? await freePort() : options.port;
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: options.directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [CORS] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    stop: () => server.close(),
  };
}
