import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, queryString, raw } from './html.ts';

describe('html template', () => {
  it('escapes every interpolated text', () => {
    const name = `<script>alert("x")</script>' onerror='x`;
    const out = html`<p title="${name}">${name}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain(`"x"`);
    expect(out).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onerror=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onerror=&#39;x</p>');
  });

  it('keeps nested templates and raw markup, joins arrays, drops empty values', () => {
    const items = ['a&b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}${raw('<br>')}`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>0<br>');
  });

  it('never lets a text produce a tag or leave an attribute', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = escapeHtml(s);
      expect(out).not.toMatch(/[<>"'`]/);
      // Unescaping gives the text back: nothing is lost.
      expect(out.replace(/&lt;|&gt;|&quot;|&#39;|&#96;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`', '&amp;': '&' })[e]!)).toBe(s);
    }));
  });

  it('builds query strings from the non-empty parameters', () => {
    expect(queryString({ q: 'kain & batik', page: 2, category: '', uptId: undefined })).toBe('?q=kain%20%26%20batik&page=2');
    expect(queryString({})).toBe('');
  });
});
