import { describe, expect, it } from 'vitest';
import { pledgeMessageNotice } from './question-notices.js';

const about = { projectId: 'p-1', projectTitle: { ky: 'Мектеп', ru: 'Школа', en: 'School' }, webOrigin: 'https://mekendesh.kg' };

describe('pledge message emails', () => {
  it('name a supporter who kept their name private one way in each language, and the kind as the settings page does', () => {
    const notice = pledgeMessageNotice({ ...about, pledgeId: 'pl-1', message: 'Ийгилик!', supporterName: null });
    const first = (l: 'ky' | 'ru' | 'en') => notice.message(l).text.split('\n')[0];
    expect(first('ky')).toBe('Колдоочу: аты көрсөтүлгөн жок');
    expect(first('ru')).toBe('От: Сторонник (имя не указано)');
    expect(first('en')).toBe('From: Supporter (name not shown)');
    expect(notice.message('ky').text).toContain(
      'Салым менен келген билдирүүлөр: https://mekendesh.kg/ky/organisation/projects/p-1#pledge-messages',
    );
  });

  it('name a supporter who shows their name by it', () => {
    const notice = pledgeMessageNotice({ ...about, pledgeId: 'pl-1', message: 'Ийгилик!', supporterName: 'Айгүл' });
    expect(notice.message('ru').text.split('\n')[0]).toBe('От: Айгүл');
  });
});
