import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './index.js';

describe('renderMarkdown', () => {
  it('renders the Markdown an officer writes', () => {
    const html = renderMarkdown('# Мектеп\n\n**Жаңы** чатыр үчүн:\n\n- тактай\n- мык\n\n[Смета](https://example.kg/smeta.pdf)');
    expect(html).toContain('<h2>Мектеп</h2>');
    expect(html).toContain('<strong>Жаңы</strong>');
    expect(html).toContain('<li>тактай</li>');
    expect(html).toContain('<a href="https://example.kg/smeta.pdf" rel="nofollow noopener noreferrer ugc" target="_blank">Смета</a>');
  });

  it.each([
    ['a script element', 'Hello <script>alert(1)</script> world', /script|alert/],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /iframe|evil/],
    ['an event handler', '<img src=x onerror="alert(1)">', /onerror|<img/],
    ['an event handler on an allowed tag', '<a href="https://ok.example" onclick="steal()">x</a>', /onclick|steal/],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['an encoded javascript: link', '<a href="jav&#x61;script:alert(1)">x</a>', /script:/i],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/],
    ['a style element', '<style>body{display:none}</style>text', /style|display/],
    ['a form', '<form action="https://evil.example"><input name=p></form>', /form|input/],
    ['an svg with script', '<svg><script>alert(1)</script></svg>', /svg|alert/],
  ])('neutralises %s', (_name, input, forbidden) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(forbidden);
  });

  it('keeps the text around what it removes', () => {
    expect(renderMarkdown('Hello <script>alert(1)</script> world')).toBe('<p>Hello  world</p>');
  });

  it('escapes angle brackets in plain text', () => {
    expect(renderMarkdown('1 < 2 and 3 > 2')).toBe('<p>1 &lt; 2 and 3 &gt; 2</p>');
  });
});

describe('markdownToText', () => {
  it('strips every tag and keeps the words', () => {
    expect(markdownToText('# Roof\n\nA **new** roof <script>x()</script> & more')).toBe('Roof A new roof & more');
  });
});
