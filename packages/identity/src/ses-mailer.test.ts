import { describe, expect, it } from 'vitest';
import { sesEmail } from './ses-mailer.js';

describe('sesEmail', () => {
  it('passes the headers as Simple content Headers, and none when there are none', () => {
    const headers = { 'List-Unsubscribe': '<https://api.example/v1/unsubscribe/t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    const input = sesEmail('no-reply@mekendesh.kg', { to: 'a@example.com', subject: 'S', text: 'T', headers });
    expect(input.Content?.Simple?.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: '<https://api.example/v1/unsubscribe/t>' },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
    expect(sesEmail('f@x', { to: 'a@example.com', subject: 'S', text: 'T' }).Content?.Simple).not.toHaveProperty('Headers');
  });

  it('names the configuration set when there is one (bounce and complaint events), and none otherwise', () => {
    const message = { to: 'a@example.com', subject: 'S', text: 'T' };
    expect(sesEmail('f@x', message, 'mekendesh-prod').ConfigurationSetName).toBe('mekendesh-prod');
    expect(sesEmail('f@x', message)).not.toHaveProperty('ConfigurationSetName');
  });
});
