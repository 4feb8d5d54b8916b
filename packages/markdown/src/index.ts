import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Project texts are Markdown written by officers and stored as written. They become HTML only here, on the
 * server, and whatever HTML comes out of Markdown passes a strict allowlist: no script, iframe, style or
 * form; no event handler attributes; links only to http(s) and mailto, and they open without an opener.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Dropped with their content: what they hold is never text meant for a reader.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // A page title is the project's; headings inside a text start one level lower.
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }),
  },
};
// The transform adds rel and target after the allowlist is read, so both must be allowed on links.
ALLOWED.allowedAttributes = { ...ALLOWED.allowedAttributes, a: ['href', 'title', 'rel', 'target'] };

const marked = new Marked({ gfm: true, breaks: true, async: false });

/** Longest text rendered; the contracts cap descriptions well below it. */
const MAX_INPUT = 50_000;

/**
 * Markdown to safe HTML, for `{@html}` in server-rendered pages.
 * @example renderMarkdown('**Clean water** for <script>alert(1)</script> 400 families') // '<p><strong>Clean water</strong> for  400 families</p>'
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown.slice(0, MAX_INPUT)) as string;
  return sanitizeHtml(html, ALLOWED).trim();
}

/**
 * Markdown to plain text (no markup at all): for summaries in lists, meta descriptions and share previews.
 * @example markdownToText('# Roof\n\nA **new** roof') // 'Roof A new roof'
 */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown.slice(0, MAX_INPUT)) as string;
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ALLOWED.nonTextTags ?? [] });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(lt|gt|quot|#39|amp);/g, (m) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[m] ?? m);
}
