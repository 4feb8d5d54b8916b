import { App } from 'aws-cdk-lib';
import { createApp } from '../lib/app.js';

// Stage from `cdk synth -c stage=prod`, else the STAGE env var, else dev.
const app = new App();
const stage = (app.node.tryGetContext('stage') as string | undefined) ?? process.env['STAGE'] ?? 'dev';
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;

const domain = app.node.tryGetContext('domain') as string | undefined;

createApp(app, { stage, alarmEmail, domain });
app.synth();
