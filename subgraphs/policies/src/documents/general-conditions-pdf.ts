// General conditions as a PDF: the text of general-conditions-text.ts, typeset in French, one section after another
// with titles kept with their first paragraph. The demo insurer's copy says it is a demonstration.
import type { Buffer } from 'node:buffer';
import type { Content } from 'pdfmake/interfaces.js';
import {
  type Block,
  GENERAL_CONDITIONS_VERSION,
  generalConditions,
  type Section,
  typeset,
} from './general-conditions-text.ts';
import { type Insurer, issuePdf } from './pdf.ts';

export { GENERAL_CONDITIONS_VERSION } from './general-conditions-text.ts';

const TITLE = 'Conditions générales habitation';

// Left-aligned, not justified: pdfmake justifies at every break opportunity, hyphens included, which prints
// "non- paiement" with a gap mid-word.
const blockContent = (block: Block): Content =>
  typeof block === 'string'
    ? { text: typeset(block), margin: [0, 0, 0, 5] }
    : { ul: block.map(typeset), margin: [0, 0, 0, 5] };

function sectionContent(section: Section): Content[] {
  const [first, ...rest] = section.blocks;
  return [
    // A title never ends a page alone: it and its first block move to the next page together. (pdfmake's
    // pageBreakBefore hook cannot tell: its "following nodes on the page" include the page's header and footer.)
    {
      stack: [{ text: section.title, style: 'heading' }, ...(first === undefined ? [] : [blockContent(first)])],
      unbreakable: true,
    },
    ...rest.map(blockContent),
  ];
}

export async function generalConditionsPdf(input: {
  insurer: Insurer;
  documentNumber: string;
  issuedAt: Date;
}): Promise<Buffer> {
  const { insurer } = input;
  const content: Content = [
    { text: TITLE, style: 'title' },
    { text: `Référence ${GENERAL_CONDITIONS_VERSION}`, style: 'subtitle' },
    insurer.demo
      ? {
          text: typeset(
            `Document de démonstration : ${insurer.name} est une société fictive. Ces conditions décrivent le ` +
              'fonctionnement d’un contrat habitation ; elles ne constituent ni une offre ni un conseil juridique.',
          ),
          style: 'legal',
          margin: [0, 0, 0, 6],
        }
      : '',
    ...generalConditions(insurer).flatMap(sectionContent),
  ];
  return issuePdf({ title: TITLE, number: input.documentNumber, content, insurer, at: input.issuedAt });
}
