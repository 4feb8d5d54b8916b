import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const TYPE_BASE = 'https://mekendesh.kg/problems/';

/** The headers every API answer carries (middleware/security-headers.ts), for answers written before Hono sees a request. */
const SECURITY_HEADERS = [
  "content-security-policy: default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security: max-age=63072000; includeSubDomains; preload',
  'x-content-type-options: nosniff',
  'x-frame-options: DENY',
  'referrer-policy: no-referrer',
];

const ANSWERS = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    type: 'request-too-long',
    title: 'The request line or headers are too long',
    detail:
      'Суроонун сабы же баштары өтө узун. / Строка запроса или заголовки слишком длинные. / The request line or headers are too long: shorten the query.',
  },
  default: {
    status: 400,
    reason: 'Bad Request',
    type: 'validation',
    title: 'The request has invalid fields',
    detail: 'Суроону окууга мүмкүн эмес. / Запрос невозможно прочитать. / The request cannot be read as HTTP.',
  },
} as const;

/**
 * Node answers requests it cannot parse (a 50 KB query string: 431; broken HTTP: 400) itself, with no body and
 * no security headers, before any handler runs. This answers them as problem+json (RFC 9457) with the API's
 * security headers instead. The headers were not read, so the detail is in Kyrgyz, Russian and English at once.
 * @example answerClientErrors(server) // after serve()
 */
export function answerClientErrors(server: Pick<Server, 'on'>): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return;
    const answer = err.code === 'HPE_HEADER_OVERFLOW' ? ANSWERS.HPE_HEADER_OVERFLOW : ANSWERS.default;
    const body = JSON.stringify({ type: `${TYPE_BASE}${answer.type}`, title: answer.title, status: answer.status, detail: answer.detail });
    const head = [
      `HTTP/1.1 ${answer.status} ${answer.reason}`,
      'content-type: application/problem+json',
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
      ...SECURITY_HEADERS,
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}
