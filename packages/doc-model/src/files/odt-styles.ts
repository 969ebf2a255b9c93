import { ODF_STYLE, odfNamespaceAttrs } from './odf-names.js';
import { element } from '@allmende/office-files';

/** A named paragraph style of styles.xml. */
function paragraphStyle(name: string, display: string, parent: string | null, paragraph: Record<string, string>, text: Record<string, string>, extra: Record<string, string | number> = {}): string {
  return element(
    'style:style',
    { 'style:name': name, 'style:display-name': display, 'style:family': 'paragraph', 'style:parent-style-name': parent, 'style:class': 'text', ...extra },
    (Object.keys(paragraph).length ? element('style:paragraph-properties', paragraph) : '') + (Object.keys(text).length ? element('style:text-properties', text) : ''),
  );
}

const HEADING_SIZES = ['130%', '115%', '101%', '95%', '85%', '85%'];

/**
 * styles.xml of an exported ODT: page layout (A4, 2 cm margins), default
 * fonts, and the named styles whose names LibreOffice's own documents use,
 * so a document opened there shows "Heading 1", "Quotations" and so on in
 * its style list, and the importer recognises them in files from there.
 */
export function odtStylesXml(): string {
  const headings = [1, 2, 3, 4, 5, 6]
    .map((level) =>
      paragraphStyle(
        ODF_STYLE.heading(level),
        `Heading ${level}`,
        'Heading',
        {},
        { 'fo:font-size': HEADING_SIZES[level - 1]!, 'fo:font-weight': 'bold' },
        { 'style:next-style-name': 'Text_20_body', 'style:default-outline-level': level },
      ),
    )
    .join('');
  const styles =
    element('style:default-style', { 'style:family': 'paragraph' }, element('style:text-properties', { 'style:font-name': 'Liberation Serif', 'fo:font-size': '12pt', 'fo:language': 'de', 'fo:country': 'DE' })) +
    paragraphStyle(ODF_STYLE.standard, 'Standard', null, {}, {}) +
    paragraphStyle('Heading', 'Heading', ODF_STYLE.standard, { 'fo:margin-top': '0.1665in', 'fo:margin-bottom': '0.0835in', 'fo:keep-with-next': 'always' }, { 'style:font-name': 'Liberation Sans', 'fo:font-size': '14pt' }) +
    paragraphStyle('Text_20_body', 'Text body', ODF_STYLE.standard, { 'fo:margin-bottom': '0.0972in' }, {}) +
    headings +
    paragraphStyle(ODF_STYLE.quote, 'Quotations', ODF_STYLE.standard, { 'fo:margin-left': '0.3937in', 'fo:margin-right': '0.3937in', 'fo:margin-bottom': '0.1965in' }, {}) +
    paragraphStyle(ODF_STYLE.code, 'Preformatted Text', ODF_STYLE.standard, {}, { 'style:font-name': 'Liberation Mono', 'fo:font-size': '10pt' }) +
    paragraphStyle(ODF_STYLE.rule, 'Horizontal Line', ODF_STYLE.standard, { 'fo:margin-bottom': '0.1965in', 'fo:border-bottom': '0.51pt double #808080', 'fo:padding': '0in' }, { 'fo:font-size': '6pt' }) +
    paragraphStyle(ODF_STYLE.tableContents, 'Table Contents', ODF_STYLE.standard, {}, {}) +
    paragraphStyle(ODF_STYLE.tableHeading, 'Table Heading', ODF_STYLE.tableContents, { 'fo:text-align': 'center' }, { 'fo:font-weight': 'bold' }) +
    element('style:style', { 'style:name': ODF_STYLE.sourceText, 'style:display-name': 'Source Text', 'style:family': 'text' }, element('style:text-properties', { 'style:font-name': 'Liberation Mono' }));
  const fonts = ['Liberation Serif', 'Liberation Sans', 'Liberation Mono']
    .map((name) => element('style:font-face', { 'style:name': name, 'svg:font-family': `'${name}'` }))
    .join('');
  const pageLayout = element(
    'style:page-layout',
    { 'style:name': 'pm1' },
    element('style:page-layout-properties', { 'fo:page-width': '21cm', 'fo:page-height': '29.7cm', 'style:print-orientation': 'portrait', 'fo:margin-top': '2cm', 'fo:margin-bottom': '2cm', 'fo:margin-left': '2cm', 'fo:margin-right': '2cm' }),
  );
  return element(
    'office:document-styles',
    { ...odfNamespaceAttrs('office', 'style', 'text', 'fo', 'svg'), 'office:version': '1.3' },
    element('office:font-face-decls', {}, fonts) +
      element('office:styles', {}, styles) +
      element('office:automatic-styles', {}, pageLayout) +
      element('office:master-styles', {}, element('style:master-page', { 'style:name': 'Standard', 'style:page-layout-name': 'pm1' })),
  );
}
