/** The package ships no types; this is the part of its API the calculator uses. */
declare module 'mistral-tokenizer-js' {
  const mistralTokenizer: {
    /** Token ids; `addBos` prepends <s>, `addPrecedingSpace` adds SentencePiece's leading space. */
    encode(text: string, addBos?: boolean, addPrecedingSpace?: boolean): number[];
    decode(ids: number[], addBos?: boolean, addPrecedingSpace?: boolean): string;
  };
  export default mistralTokenizer;
}
