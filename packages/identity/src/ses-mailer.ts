import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '@mekendesh/domain';

/** The platform's own emails in the cloud (invitations, review outcomes); Cognito sends its codes itself. */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(
    private readonly from: string,
    region?: string,
  ) {
    this.client = new SESv2Client(region ? { region } : {});
  }

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' }, Body: { Text: { Data: message.text, Charset: 'UTF-8' } } },
        },
      }),
    );
  }
}
