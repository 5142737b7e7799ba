// anki-apkg-export ships no types; the part the fixtures use.
declare module "anki-apkg-export" {
  export default class AnkiExport {
    constructor(deckName: string);
    addCard(front: string, back: string, options?: { tags?: string[] | string }): void;
    save(): Promise<Buffer>;
  }
}
