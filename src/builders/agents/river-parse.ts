/**
 * A strict parser for the subset of Alloy's syntax (River) that `river.ts` writes: blocks,
 * attributes, strings, numbers, booleans, arrays, objects, references and calls. There is no
 * `alloy` binary here, so this is what proves a generated file is well-formed (the
 * `agents/alloy-syntax` check): any other token or an unbalanced bracket throws with its line.
 */

export type Value =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'array'; items: Value[] }
  | { type: 'object'; entries: Record<string, Value> }
  | { type: 'ref'; path: string }
  | { type: 'call'; name: string; args: Value[] };

export interface Block {
  name: string;
  label?: string;
  attributes: Record<string, Value>;
  blocks: Block[];
}

interface Token {
  kind: 'ident' | 'string' | 'number' | 'punct';
  text: string;
  line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /(\/\/[^\n]*)|(\s+)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|("(?:[^"\\\n]|\\.)*")|(\d+(?:\.\d+)?)|([{}[\](),=])|(.)/gy;
  let line = 1;
  for (const m of text.matchAll(pattern)) {
    const [all, comment, space, ident, string, number, punct, other] = m;
    if (other !== undefined) throw new Error(`line ${line}: unexpected \`${other}\``);
    if (ident) tokens.push({ kind: 'ident', text: ident, line });
    if (string) tokens.push({ kind: 'string', text: string, line });
    if (number) tokens.push({ kind: 'number', text: number, line });
    if (punct) tokens.push({ kind: 'punct', text: punct, line });
    void comment;
    void space;
    line += (all.match(/\n/g) ?? []).length;
  }
  return tokens;
}

/** Parse a whole file into its top-level blocks; throws on anything malformed. */
export function parseRiver(text: string): Block[] {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    const t = tokens[i];
    throw new Error(`line ${t?.line ?? 'end'}: expected ${what}, found \`${t?.text ?? 'end'}\``);
  };
  const expect = (text: string) => (peek()?.text === text ? tokens[i++]! : fail(`\`${text}\``));

  function body(top: boolean): Block {
    const block: Block = { name: '', attributes: {}, blocks: [] };
    while (i < tokens.length && peek()!.text !== '}') {
      const name = peek()!.kind === 'ident' ? tokens[i++]!.text : fail('a name');
      if (peek()?.text === '=') {
        i++;
        if (name in block.attributes) throw new Error(`attribute \`${name}\` set twice`);
        block.attributes[name] = value();
        continue;
      }
      const label = peek()?.kind === 'string' ? JSON.parse(tokens[i++]!.text) : undefined;
      expect('{');
      const child = body(false);
      expect('}');
      block.blocks.push({ ...child, name, ...(label === undefined ? {} : { label }) });
    }
    if (top && i < tokens.length) fail('end of file');
    return block;
  }

  function value(): Value {
    const t = peek() ?? fail('a value');
    if (t.kind === 'string') return (i++, { type: 'string', value: JSON.parse(t.text) });
    if (t.kind === 'number') return (i++, { type: 'number', value: Number(t.text) });
    if (t.kind === 'ident') {
      i++;
      if (t.text === 'true' || t.text === 'false')
        return { type: 'bool', value: t.text === 'true' };
      if (peek()?.text !== '(') return { type: 'ref', path: t.text };
      i++;
      const args = list(')');
      return { type: 'call', name: t.text, args };
    }
    if (t.text === '[') return (i++, { type: 'array', items: list(']') });
    if (t.text === '{') {
      i++;
      const entries: Record<string, Value> = {};
      while (peek()?.text !== '}') {
        const key = tokens[i++] ?? fail('a key');
        if (key.kind !== 'ident' && key.kind !== 'string') fail('a key');
        expect('=');
        entries[key.kind === 'string' ? JSON.parse(key.text) : key.text] = value();
        if (peek()?.text === ',') i++;
        else if (peek()?.text !== '}') fail('`,` or `}`');
      }
      i++;
      return { type: 'object', entries };
    }
    return fail('a value');
  }

  function list(close: string): Value[] {
    const items: Value[] = [];
    while (peek()?.text !== close) {
      items.push(value());
      if (peek()?.text === ',') i++;
      else if (peek()?.text !== close) fail(`\`,\` or \`${close}\``);
    }
    i++;
    return items;
  }

  return body(true).blocks;
}
