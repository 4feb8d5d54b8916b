import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NOTIFICATION_KINDS, type Locale } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KIND_NAMES } from './unsubscribe.js';

// An email footer and the settings/unsubscribe pages must call a kind by one name (issue 12 review): the pages read
// web/messages/notifications, the footers NOTIFICATION_KIND_NAMES, so this compares the two word for word.
const LOCALES: Locale[] = ['ky', 'ru', 'en'];

function webLabels(locale: Locale): Record<string, string> {
  const file = fileURLToPath(new URL(`../../../web/messages/notifications/${locale}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

describe('notification kind names', () => {
  it.each(LOCALES)('%s: every kind is named in the email footer exactly as on the settings page', (locale) => {
    const labels = webLabels(locale);
    for (const kind of NOTIFICATION_KINDS) {
      expect({ kind, name: NOTIFICATION_KIND_NAMES[locale][kind] }).toEqual({ kind, name: labels[`notification_kind_${kind}`] });
    }
  });
});
