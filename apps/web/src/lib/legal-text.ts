/**
 * The owner's footer-page text as paragraphs. The text is shown as plain text — never parsed as
 * HTML or markdown — so whatever it holds cannot become markup; blank lines separate paragraphs
 * and single line breaks stay inside one.
 */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
