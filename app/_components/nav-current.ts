// Which header link is the current section: a deck, its article and its study page belong to Decks.
const DECK_PAGES = ["/decks/", "/study/"];

/** Whether `pathname` is the page `href` links to, or one inside that section. */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/" || DECK_PAGES.some((p) => pathname.startsWith(p));
  return pathname === href || pathname.startsWith(`${href}/`);
}
