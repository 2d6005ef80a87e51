// Tokenizer and parser for the `conditions` grammar (reference §3.2 [S1, S8]):
//   expr := term (OR term)* ; term := factor (AND factor)* ; factor := '(' expr ')' | comparison
//   comparison := field op value | field [not] (contains|like) string | field [not] in '(' values ')'
//   op := = != < <= > >= ; value := "str" | 'str' | number | true | false | null | [ISO date]
// Keywords are case-insensitive ("AND / OR, any case" [S1, S8]); fields are `a/b` paths.
import { badConditions } from './errors.ts';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'date'; value: number; text: string };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like' | 'in';

export type ConditionNode =
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'cmp'; field: string; op: Operator; negate: boolean; value: Literal | Literal[] };

type Token =
  | { t: 'lparen' | 'rparen' | 'comma'; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'word'; v: string; pos: number }
  | { t: 'lit'; v: Literal; pos: number };

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![A-Za-z_])/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', pos: i });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '<>') {
      tokens.push({ t: 'op', v: two === '<>' ? '!=' : two, pos: i });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ t: 'op', v: c, pos: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      // Strings in double or single quotes [S1, S8]; a backslash escapes the next character.
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
      }
      if (j >= text.length) badConditions(`Unterminated string starting at position ${i}.`);
      tokens.push({ t: 'lit', v: { type: 'string', value }, pos: i });
      i = j + 1;
      continue;
    }
    if (c === '[') {
      // DateTime values in square brackets [S1].
      const end = text.indexOf(']', i);
      if (end < 0) badConditions(`Unterminated date starting at position ${i}.`);
      const raw = text.slice(i + 1, end).trim();
      const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(raw) || !raw.includes('T') ? raw : `${raw}Z`;
      const value = Date.parse(/T/.test(iso) ? iso : `${iso}T00:00:00Z`);
      if (Number.isNaN(value)) badConditions(`Invalid DateTime value [${raw}].`);
      tokens.push({ t: 'lit', v: { type: 'date', value, text: raw }, pos: i });
      i = end + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      tokens.push({ t: 'lit', v: { type: 'number', value: Number(num[0]) }, pos: i });
      i += num[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      const lower = word[0].toLowerCase();
      if (lower === 'true' || lower === 'false')
        tokens.push({ t: 'lit', v: { type: 'boolean', value: lower === 'true' }, pos: i });
      else if (lower === 'null') tokens.push({ t: 'lit', v: { type: 'null' }, pos: i });
      else tokens.push({ t: 'word', v: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    badConditions(`Unexpected character '${c}' at position ${i}.`);
  }
  return tokens;
}

export function parseConditions(text: string, opts: { allowIn: boolean } = { allowIn: true }): ConditionNode {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isWord = (tok: Token | undefined, ...words: string[]): boolean =>
    tok?.t === 'word' && words.includes(tok.v.toLowerCase());

  function expr(): ConditionNode {
    let left = term();
    while (isWord(peek(), 'or')) {
      at++;
      left = { kind: 'or', left, right: term() };
    }
    return left;
  }
  function term(): ConditionNode {
    let left = factor();
    while (isWord(peek(), 'and')) {
      at++;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  }
  function factor(): ConditionNode {
    const tok = peek();
    if (tok?.t === 'lparen') {
      at++;
      const inner = expr();
      if (peek()?.t !== 'rparen') badConditions(`Expected ')' at position ${peek()?.pos ?? text.length}.`);
      at++;
      return inner;
    }
    return comparison();
  }
  function literal(): Literal {
    const tok = tokens[at++];
    if (tok?.t === 'lit') return tok.v;
    if (tok?.t === 'word') badConditions(`Unexpected value '${tok.v}' at position ${tok.pos}.`);
    badConditions(`Expected a value at position ${tok?.pos ?? text.length}.`);
  }
  function comparison(): ConditionNode {
    const fieldTok = tokens[at++];
    if (fieldTok?.t !== 'word')
      badConditions(`Expected a field name at position ${fieldTok?.pos ?? text.length}.`);
    const field = fieldTok.v;
    let negate = false;
    let opTok = tokens[at++];
    if (isWord(opTok, 'not')) {
      negate = true;
      opTok = tokens[at++];
      if (!isWord(opTok, 'contains', 'like', 'in')) badConditions(`Expected contains, like or in after not.`);
    }
    if (opTok?.t === 'op') return { kind: 'cmp', field, op: opTok.v as Operator, negate, value: literal() };
    if (isWord(opTok, 'contains', 'like')) {
      const op = (opTok as { v: string }).v.toLowerCase() as Operator;
      return { kind: 'cmp', field, op, negate, value: literal() };
    }
    if (isWord(opTok, 'in')) {
      if (!opts.allowIn) badConditions(`The in operator is not supported here.`);
      if (peek()?.t !== 'lparen') badConditions(`Expected '(' after in.`);
      at++;
      const values: Literal[] = [literal()];
      while (peek()?.t === 'comma') {
        at++;
        values.push(literal());
      }
      if (peek()?.t !== 'rparen') badConditions(`Expected ')' to close the in list.`);
      at++;
      return { kind: 'cmp', field, op: 'in', negate, value: values };
    }
    badConditions(`Expected an operator after ${field}.`);
  }

  if (tokens.length === 0) badConditions('Empty conditions.');
  const tree = expr();
  if (at < tokens.length) badConditions(`Unexpected token at position ${tokens[at]!.pos}.`);
  return tree;
}
