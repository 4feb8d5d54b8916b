/**
 * `pnpm totp`: the code the demo staff and admin accounts sign in with now (issue 14: staff accounts with MFA), from
 * the secrets `pnpm dev` kept in .local/cognito/demo-totp.json. Any authenticator app given the same secret shows the
 * same code; this saves reaching for a phone on a laptop demo.
 */
import { fileURLToPath } from 'node:url';
import { readDemoTotp, totpNow } from '@mekendesh/local-stack';

const file = fileURLToPath(new URL('../.local/cognito/demo-totp.json', import.meta.url));
const secrets = readDemoTotp(file);
if (secrets.size === 0) {
  console.error(`No demo TOTP secrets in ${file}: start the local stack with \`pnpm dev\` first.`);
  process.exit(1);
}
const left = 30 - (Math.floor(Date.now() / 1000) % 30);
for (const [email, secret] of secrets) console.log(`${email.padEnd(40)} ${totpNow(secret)}`);
console.log(`(valid for ${left} more seconds)`);
