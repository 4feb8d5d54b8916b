import type { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '@mekendesh/domain/account-ports';

/** The platform's own emails in the cloud (invitations, review outcomes); Cognito sends its codes itself. */
export class SesMailer implements Mailer {
  private client: Promise<SESv2Client> | undefined;

  /**
   * @param configurationSet SES configuration set every email is sent with (bounce and complaint events, reputation);
   *   SES_CONFIGURATION_SET unless given (set by infra: alerts-stack.ts), none locally.
   */
  constructor(
    private readonly from: string,
    private readonly region?: string,
    private readonly configurationSet: string | undefined = process.env['SES_CONFIGURATION_SET'],
  ) {}

  /**
   * One plain-text email; `headers` become the Simple content's `Headers` (SESv2 Message.Headers, which
   * the pinned @aws-sdk/client-sesv2 3.1169 declares it), e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
   */
  async send(message: { to: string; subject: string; text: string; headers?: Readonly<Record<string, string>> }): Promise<void> {
    // The SES client is imported on the first email: an API cold start that sends none never loads it (issue 14).
    this.client ??= import('@aws-sdk/client-sesv2').then(
      ({ SESv2Client }) => new SESv2Client(this.region ? { region: this.region } : {}),
      (e: unknown) => {
        this.client = undefined;
        throw e;
      },
    );
    const client = await this.client;
    const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    await client.send(new SendEmailCommand(sesEmail(this.from, message, this.configurationSet)));
  }
}

/** The SendEmail input of one message (exported for its unit test: the headers must reach SES unchanged). */
export function sesEmail(
  from: string,
  message: { to: string; subject: string; text: string; headers?: Readonly<Record<string, string>> },
  configurationSet?: string,
): ConstructorParameters<typeof SendEmailCommand>[0] {
  const headers = Object.entries(message.headers ?? {}).map(([Name, Value]) => ({ Name, Value }));
  return {
    FromEmailAddress: from,
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    Destination: { ToAddresses: [message.to] },
    Content: {
      Simple: {
        Subject: { Data: message.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
        ...(headers.length ? { Headers: headers } : {}),
      },
    },
  };
}
