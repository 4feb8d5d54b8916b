import { App } from 'aws-cdk-lib';
import { createApp } from '../lib/app.js';

// Stage from `cdk synth -c stage=prod`, else the STAGE env var, else dev.
const app = new App();
const stage = (app.node.tryGetContext('stage') as string | undefined) ?? process.env['STAGE'] ?? 'dev';
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;

const domain = app.node.tryGetContext('domain') as string | undefined;
// The sender (`-c mailFrom=no-reply@example.org`, or `-c mailDomain=example.org` for no-reply@ it): the SES identity's domain.
const mailDomain = app.node.tryGetContext('mailDomain') as string | undefined;
const mailFrom = (app.node.tryGetContext('mailFrom') as string | undefined) ?? (mailDomain ? `no-reply@${mailDomain}` : undefined);
// `-c reserveConcurrency=false` on an account whose Lambda concurrency quota is still 10 (new accounts): no reservation fits.
const reserveConcurrency = String(app.node.tryGetContext('reserveConcurrency') ?? 'true') !== 'false';

createApp(app, { stage, alarmEmail, domain, mailFrom, reserveConcurrency });
app.synth();
