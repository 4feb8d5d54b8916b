import type { Question, QuestionList } from '@mekendesh/contracts';

/* Shapes the questions section of a project page shares between its load (server) and its component. */

/** What the questions section of a project page shows (components/project-questions.svelte). */
export interface QuestionsSection {
	projectId: string;
	thread: QuestionList;
	/** The reader's own private questions (the public thread does not hold them); empty for officers and staff, who see all. */
	myPrivate: Question[];
	/** Signed in as neither staff nor an officer of the project's organisation. */
	canAsk: boolean;
	signedIn: boolean;
	/** Where the ask form's sign-in link comes back to. */
	signInHref: string;
	/** The next page of the thread (plain link), or null. */
	nextHref: string | null;
}

/** What a failed question form sends back (routes/[lang]/projects/[id]/questions: ask, answer, moderate). */
export interface QuestionForm {
	action?: 'ask' | 'answer' | 'moderate';
	questionId?: string;
	values?: Record<string, string>;
	errors?: { fields: Record<string, string>; form?: string };
}
