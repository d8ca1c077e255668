/**
 * No interface text outside `locales/` (issue 18): the components and the card's content script
 * are read as TypeScript, and every piece of text they would show is looked at: JSX text, the
 * words-bearing attributes, and the strings an expression in those places would render
 * (`{open ? 'Less' : 'More'}`, `` title={`Show ${name}`} ``). Text with a letter in it, in any
 * script, must come from `i18n.t`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Attributes a reader sees or hears. */
const WORDY_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);

/** DOM properties and `setAttribute` names of the same, for the content script's own elements. */
const WORDY_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'ariaLabel', 'placeholder']);

/** Not words: separators and signs that read the same in every language. */
const SYMBOLS = new Set([...'×←→‹›·—–-:;,.()[]…/|+•*#%']);

/** Not words either: an example host name, written the same in every language. */
const NOT_WORDS = new Set(['news.example.com']);

/** Interface text: has a letter (any script), or a sign that is not on the symbols' list. */
function isWords(text: string): boolean {
  if (NOT_WORDS.has(text.trim())) return false;
  if (/\p{L}/u.test(text)) return true;
  return [...text.replace(/\s/g, '')].some((c) => !SYMBOLS.has(c));
}

interface Finding {
  line: number;
  text: string;
}

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';

/**
 * The string parts `expr` renders as it stands: its own literal, or those of the branches of a
 * conditional or `??`/`||`/`&&`/`+` it is made of. A literal passed to a call (`i18n.t('key')`,
 * `.join(', ')`) or compared (`step === 'page'`) is not rendered, so it is not looked at.
 */
function renderedLiterals(expr: unknown): { node: Node; text: string }[] {
  if (!isNode(expr)) return [];
  switch (expr.type) {
    case 'StringLiteral':
      return [{ node: expr, text: expr.value as string }];
    case 'TemplateLiteral':
      return (expr.quasis as Node[]).map((q) => ({
        node: q,
        text: (q.value as { cooked: string }).cooked,
      }));
    case 'ConditionalExpression':
      return [...renderedLiterals(expr.consequent), ...renderedLiterals(expr.alternate)];
    case 'LogicalExpression':
      return expr.operator === '&&'
        ? renderedLiterals(expr.right)
        : [...renderedLiterals(expr.left), ...renderedLiterals(expr.right)];
    case 'BinaryExpression':
      return expr.operator === '+'
        ? [...renderedLiterals(expr.left), ...renderedLiterals(expr.right)]
        : [];
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      return renderedLiterals(expr.expression);
    default:
      return [];
  }
}

const nameOf = (key: unknown): string | undefined =>
  isNode(key)
    ? key.type === 'Identifier' || key.type === 'JSXIdentifier'
      ? (key.name as string)
      : key.type === 'StringLiteral'
        ? (key.value as string)
        : undefined
    : undefined;

/** The hard-coded interface text in one source file. */
function findHardCoded(fileName: string, source: string): Finding[] {
  const file = parse(source, {
    sourceType: 'module',
    sourceFilename: fileName,
    plugins: fileName.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'],
  });
  const found: Finding[] = [];
  const report = (node: Node, text: string) => {
    if (isWords(text)) found.push({ line: node.loc?.start.line ?? 0, text: text.trim() });
  };
  const reportAll = (expr: unknown) => {
    for (const { node, text } of renderedLiterals(expr)) report(node, text);
  };
  const visit = (node: Node) => {
    switch (node.type) {
      case 'JSXText':
        report(node, node.value as string);
        break;
      case 'JSXElement':
      case 'JSXFragment':
        for (const child of node.children as Node[])
          if (child.type === 'JSXExpressionContainer') reportAll(child.expression);
        break;
      case 'JSXAttribute': {
        if (!WORDY_ATTRIBUTES.has(nameOf(node.name) ?? '')) break;
        const value = node.value as Node | null;
        if (value?.type === 'StringLiteral') report(value, value.value as string);
        else if (value?.type === 'JSXExpressionContainer') reportAll(value.expression);
        break;
      }
      // { 'aria-label': `${name}: …` }, spread onto an element
      case 'ObjectProperty':
        if (WORDY_ATTRIBUTES.has(nameOf(node.key) ?? '')) reportAll(node.value);
        break;
      // el.setAttribute('aria-label', 'Rivalry Lens')
      case 'CallExpression': {
        const callee = node.callee as Node;
        const [attr, value] = node.arguments as Node[];
        if (
          callee.type === 'MemberExpression' &&
          nameOf(callee.property) === 'setAttribute' &&
          attr?.type === 'StringLiteral' &&
          WORDY_ATTRIBUTES.has(attr.value as string)
        )
          reportAll(value);
        break;
      }
      // el.textContent = 'Close'
      case 'AssignmentExpression': {
        const left = node.left as Node;
        if (left.type === 'MemberExpression' && WORDY_PROPERTIES.has(nameOf(left.property) ?? ''))
          reportAll(node.right);
        break;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child);
    }
  };
  visit(file.program as unknown as Node);
  return found;
}

const sources = (dir: string, ext: RegExp) =>
  readdirSync(resolve(ROOT, dir))
    .filter((f) => ext.test(f))
    .map((f) => `${dir}/${f}`);

describe('interface text', () => {
  const files = [...sources('components', /\.tsx$/), ...sources('content/card', /\.ts$/)];

  it('is looked for in the components and the card', () => {
    expect(files).toContain('components/Card.tsx');
    expect(files).toContain('components/Popup.tsx');
    expect(files).toContain('content/card/card-host.ts');
  });

  it.each(files)('%s writes none of its own: it all comes from locales/', (file) => {
    expect(findHardCoded(file, readFileSync(resolve(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('is found wherever a component would show it', () => {
    const texts = (code: string) => findHardCoded('x.tsx', code).map((f) => f.text);
    expect(texts('const a = <p>Hello</p>;')).toEqual(['Hello']);
    expect(texts('const a = <p>こんにちは</p>;')).toEqual(['こんにちは']);
    expect(texts('const a = <b title="Close" aria-label="Close it" />;')).toEqual([
      'Close',
      'Close it',
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code the scan reads
    expect(texts('const a = <img alt={`A ${x}`} />;')).toEqual(['A']);
    expect(texts("const a = <i>{open ? 'Less' : 'More'}</i>;")).toEqual(['Less', 'More']);
    expect(texts('const a = <i>{n} of {m}</i>;')).toEqual(['of']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code the scan reads
    expect(texts("const a = { 'aria-label': `${n}: show` };")).toEqual([': show']);
    expect(texts("el.setAttribute('aria-label', 'Lens');")).toEqual(['Lens']);
    expect(texts("el.textContent = 'Close';")).toEqual(['Close']);
  });

  it('lets through the words that come from locales/ and the signs between them', () => {
    const texts = (code: string) => findHardCoded('x.tsx', code).map((f) => f.text);
    expect(texts("const a = <b title={i18n.t('card.more')}>{i18n.t('card.less')}</b>;")).toEqual(
      [],
    );
    expect(texts("const a = <p>← {x} · {y} — {' '}</p>;")).toEqual([]);
    expect(
      texts('const a = <p class="summary" data-state="on">{step === \'page\' ? a : b}</p>;'),
    ).toEqual([]);
    expect(texts("el.setAttribute('role', 'dialog');")).toEqual([]);
  });
});
