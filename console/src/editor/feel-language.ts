import { type StringStream, StreamLanguage } from '@codemirror/language';

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'and',
  'or',
  'not',
  'between',
  'instance',
  'of',
  'function',
  'external',
]);
const ATOMS = new Set(['null', 'true', 'false']);

interface FeelState {
  /** Inside a block comment that spans lines. */
  comment: boolean;
}

/**
 * FEEL's tokens for colouring: strings, numbers, keywords, temporal literals (@"..."),
 * comments and operators. Names with spaces are coloured word by word, which reads the same.
 */
export const feelLanguage = StreamLanguage.define<FeelState>({
  name: 'feel',
  startState: () => ({ comment: false }),
  token(stream: StringStream, state: FeelState): string | null {
    if (state.comment) {
      if (stream.skipTo('*/')) {
        stream.next();
        stream.next();
        state.comment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.comment = true;
      return 'comment';
    }
    if (stream.match(/^@?"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^[A-Za-z_?][\w?']*/)) {
      const word = stream.current();
      if (KEYWORDS.has(word)) return 'keyword';
      if (ATOMS.has(word)) return 'atom';
      return stream.peek() === '(' ? 'function' : 'variableName';
    }
    if (stream.match(/^(?:<=|>=|!=|\*\*|\.\.|->|[-+*/<>=!])/)) return 'operator';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});
