import type { Locale, LocalizedText } from '@mekendesh/contracts';
import type { Notice } from './notification-ports.js';
import { NOTIFICATION_KIND_NAMES } from './unsubscribe.js';

/**
 * How a person who keeps their name private is shown, one form everywhere (questions, pledge messages, emails; the
 * web says the same in web/messages/questions pm_anonymous and qa_an_investor).
 */
const ANONYMOUS_SUPPORTER: Record<Locale, string> = {
  ky: 'Колдоочу (аты көрсөтүлгөн жок)',
  ru: 'Сторонник (имя не указано)',
  en: 'Supporter (name not shown)',
};

/** Texts of the question and pledge-message emails in the reader's language (issue 12); the notifier adds the footer. */
const pick = (t: LocalizedText, l: Locale) => t[l] ?? t.ky ?? t.ru ?? t.en ?? '';

const WORDS = {
  ky: {
    newQuestion: (p: string) => `Мекендеш: «${p}» долбооруна жаңы суроо`,
    privately: 'Суроо жабык: аны суроочу, уюмуңуздун кызматкерлери жана программанын кызматкерлери гана көрөт.',
    publicly: 'Суроо ачык: жообуңуз долбоордун барагында баарына көрүнөт.',
    answerOn: 'Долбоордун барагында жооп бериңиз',
    answered: (p: string) => `Мекендеш: «${p}» долбоору боюнча сурооңузга жооп берилди`,
    yourQuestion: 'Сиздин суроо',
    theAnswer: 'Жооп',
    readOn: 'Долбоордун барагы',
    pledgeMessage: (p: string) => `Мекендеш: «${p}» долбооруна салым менен кат келди`,
    from: (n: string) => `Колдоочу: ${n}`,
    // «Колдоочу: …» already says who: only the missing name follows.
    anInvestor: 'аты көрсөтүлгөн жок',
  },
  ru: {
    newQuestion: (p: string) => `Мекендеш: новый вопрос по проекту «${p}»`,
    privately: 'Вопрос закрытый: его видят только автор, сотрудники вашей организации и сотрудники программы.',
    publicly: 'Вопрос открытый: ваш ответ увидят все на странице проекта.',
    answerOn: 'Ответить на странице проекта',
    answered: (p: string) => `Мекендеш: на ваш вопрос по проекту «${p}» ответили`,
    yourQuestion: 'Ваш вопрос',
    theAnswer: 'Ответ',
    readOn: 'Страница проекта',
    pledgeMessage: (p: string) => `Мекендеш: взнос проекту «${p}» пришёл с сообщением`,
    from: (n: string) => `От: ${n}`,
    anInvestor: ANONYMOUS_SUPPORTER.ru,
  },
  en: {
    newQuestion: (p: string) => `Mekendesh: a new question on “${p}”`,
    privately: 'The question is private: only its asker, your organisation’s officers and the programme’s staff see it.',
    publicly: 'The question is public: everyone sees your answer on the project page.',
    answerOn: 'Answer it on the project page',
    answered: (p: string) => `Mekendesh: your question on “${p}” has an answer`,
    yourQuestion: 'Your question',
    theAnswer: 'The answer',
    readOn: 'The project page',
    pledgeMessage: (p: string) => `Mekendesh: a pledge to “${p}” came with a message`,
    from: (n: string) => `From: ${n}`,
    anInvestor: ANONYMOUS_SUPPORTER.en,
  },
} as const;

/** What a notice about a project says and links to. */
interface About {
  projectId: string;
  projectTitle: LocalizedText;
  webOrigin: string;
}

const projectLink = (a: About, l: Locale) => `${a.webOrigin}/${l}/projects/${encodeURIComponent(a.projectId)}#questions`;

/** To the project's officers: a new question (kind `new_question`, one per question). */
export function newQuestionNotice(
  a: About & { questionId: string; text: string; visibility: 'public' | 'private' },
): Omit<Notice, 'userId'> {
  return {
    kind: 'new_question',
    about: `question-${a.questionId}`,
    message: (l) => {
      const w = WORDS[l];
      return {
        subject: w.newQuestion(pick(a.projectTitle, l)),
        text: [a.text, '', a.visibility === 'private' ? w.privately : w.publicly, '', `${w.answerOn}: ${projectLink(a, l)}`].join('\n'),
      };
    },
  };
}

/** To the asker: their question has an answer (kind `answer`, once per question: an edit sends nothing new). */
export function answerNotice(a: About & { questionId: string; askerId: string; question: string; answer: string }): Notice {
  return {
    kind: 'answer',
    userId: a.askerId,
    about: `answer-${a.questionId}`,
    message: (l) => {
      const w = WORDS[l];
      return {
        subject: w.answered(pick(a.projectTitle, l)),
        text: [`${w.yourQuestion}:`, a.question, '', `${w.theAnswer}:`, a.answer, '', `${w.readOn}: ${projectLink(a, l)}`].join('\n'),
      };
    },
  };
}

/** To the project's officers: a pledge came with a message (kind `pledge_message`, about `pledge-<id>`). */
export function pledgeMessageNotice(
  a: About & { pledgeId: string; message: string; supporterName: string | null },
): Omit<Notice, 'userId'> {
  return {
    kind: 'pledge_message',
    about: `pledge-${a.pledgeId}`,
    message: (l) => {
      const w = WORDS[l];
      const page = `${a.webOrigin}/${l}/organisation/projects/${encodeURIComponent(a.projectId)}#pledge-messages`;
      return {
        subject: w.pledgeMessage(pick(a.projectTitle, l)),
        text: [w.from(a.supporterName ?? w.anInvestor), '', a.message, '', `${NOTIFICATION_KIND_NAMES[l].pledge_message}: ${page}`].join(
          '\n',
        ),
      };
    },
  };
}
