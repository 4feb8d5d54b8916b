/**
 * SSM GetParameter as one signed HTTPS POST (AWS JSON 1.1 protocol, Signature Version 4), instead of
 * @aws-sdk/client-ssm: that client carries the schemas of every SSM operation, ~230 KB raw / ~57 KB gzipped of the API
 * bundle (measured, issue 14), for the one call a cold start makes.
 */
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/** What SigV4 hashes: text or bytes (smithy's SourceData). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string'
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** SigV4's hash constructor, on node:crypto (HMAC when given a secret). */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * The value of the SSM String parameter `name`, read with the function's credentials (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: Lambda sets them) in AWS_REGION; AWS_ENDPOINT_URL_SSM points elsewhere
 * (tests), as it does for the SDK. Undefined when the parameter has no value.
 * @throws Error with SSM's error type (e.g. ParameterNotFound, AccessDeniedException) and HTTP status.
 */
export async function getSsmParameter(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!region || !accessKeyId || !secretAccessKey) throw new Error('SSM GetParameter needs AWS_REGION and the function credentials');
  const url = new URL(env.AWS_ENDPOINT_URL_SSM ?? `https://ssm.${region}.amazonaws.com/`);
  const body = JSON.stringify({ Name: name });
  const signer = new SignatureV4({
    service: 'ssm',
    region,
    sha256: Sha256,
    credentials: { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) },
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' },
    body,
  });
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body, signal: AbortSignal.timeout(5_000) });
  const answer = (await response.json().catch(() => ({}))) as { Parameter?: { Value?: string }; __type?: string; message?: string };
  if (!response.ok) {
    const type = (answer.__type ?? 'error').split('#').pop();
    throw new Error(`SSM GetParameter ${name}: ${type} (HTTP ${response.status})${answer.message ? `: ${answer.message}` : ''}`);
  }
  return answer.Parameter?.Value;
}
