import { describe, expect, it } from 'vitest';
import { htmlToSlice, sanitizeHTML } from './sanitize-html.js';

// Clipboard HTML as the programs write it (trimmed, but with their quirks).

const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/anna/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-parent:"";
	margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
@list l0:level1
	{mso-level-number-format:bullet;
	mso-level-text:\\F0B7;}
@list l1:level1
	{mso-level-tab-stop:none;}
-->
</style>
</head>
<body lang=DE style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoTitle>Protokoll der Sitzung<o:p></o:p></p>
<h1>Tagesordnung<o:p></o:p></h1>
<p class=MsoNormal align=center style='text-align:center'><b>Datum:</b> 3. März 2025, <i>Rathaus</i>, <span style='color:#C00000'>vertraulich</span><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal style='margin-left:35.4pt'>Eingerückter Absatz mit <span style='background:yellow;mso-highlight:yellow'>Markierung</span>, H<sub>2</sub>O, x<span style='vertical-align:super'>2</span> und <s>gestrichen</s>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Begrüßung<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Feststellung der Beschlussfähigkeit<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Haushalt 2025<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Erster Beschluss<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Zweiter Beschluss<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>Name<o:p></o:p></b></p>
  </td>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>Stimme<o:p></o:p></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>Müller<o:p></o:p></p>
  </td>
  <td width=302 valign=top style='width:226.55pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal>Ja<o:p></o:p></p>
  </td>
 </tr>
</table>
<p class=MsoNormal>Mehr unter <a href="https://www.example.org/protokolle">example.org</a> und im <a href="#_Toc123">Inhaltsverzeichnis</a>.<o:p></o:p></p>
<p class=MsoNormal><span style='font-size:11.0pt;font-family:"Calibri",sans-serif'><br clear=all style='mso-special-character:line-break;page-break-before:always'></span></p>
<p class=MsoNormal>Anlage<img width=200 height=100 src="file:///C:/Users/anna/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="Logo" v:shapes="Grafik_x0020_1"><o:p></o:p></p>
<!--EndFragment-->
</body>
</html>`;

const LIBREOFFICE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.6.4.1 (Linux)"/><style type="text/css">@page { size: 21cm 29.7cm; margin: 2cm } p { line-height: 115%; margin-bottom: 0.25cm; background: transparent } h1.western { font-family: "Liberation Sans", sans-serif; font-size: 18pt }</style></head><body lang="de-DE" link="#000080" vlink="#800000" dir="ltr"><h1 class="western">Überschrift</h1>
<p style="line-height: 100%; margin-bottom: 0cm">Text mit <b>fett</b>, <i>kursiv</i>, <u>unterstrichen</u>, <strike>durchgestrichen</strike> und <sup>hoch</sup>gestellt.</p>
<ol><li><p style="margin-bottom: 0cm">Eins</p>
<ol><li><p style="margin-bottom: 0cm">Eins a</p></li></ol></li><li><p style="margin-bottom: 0cm">Zwei</p></li></ol>
<ul><li><p style="margin-bottom: 0cm">Punkt</p></li></ul>
<table width="100%" cellpadding="4" cellspacing="0"><col width="128*"/><col width="128*"/>
<tr valign="top"><td width="50%" style="border-top: 1px solid #000000; border-bottom: 1px solid #000000; border-left: 1px solid #000000; padding: 0.1cm"><p><b>Kopf</b></p></td><td width="50%" style="border: 1px solid #000000; padding: 0.1cm"><p><b>Wert</b></p></td></tr>
<tr valign="top"><td width="50%" style="border: 1px solid #000000"><p>a</p></td><td width="50%"><p align="right">1,5</p></td></tr>
</table>
<p align="center" style="margin-bottom: 0cm"><font color="#c9211e">rot</font> und <font color="#000000">schwarz</font></p>
<p style="margin-left: 1.27cm; margin-bottom: 0cm">eingerückt</p>
<p style="margin-bottom: 0cm; page-break-before: always">Neue Seite mit <a href="https://www.example.org/">Link</a></p>
</body></html>`;

const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3c1f6a2e-7fff-1b2c-9d4e-0a1b2c3d4e5f"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Protokoll</span></h1><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Fett</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">, </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">kursiv</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">unterstrichen</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:line-through;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">weg</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:super;white-space:pre;white-space:pre-wrap;">1</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> </span><a href="https://www.example.org/" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Link</span></a></p><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Punkt</span></p></li><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;font-size:11pt;" aria-level="2"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;white-space:pre-wrap;">Unterpunkt</span></p></li></ul></ul><ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;white-space:pre-wrap;">Eins</span></p></li></ol><br /><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="100" /><col width="100" /></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;white-space:pre-wrap;">A1</span></p></td><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;white-space:pre-wrap;">B1</span></p></td></tr></tbody></table></div><br /><p dir="ltr" style="line-height:1.38;margin-left: 36pt;text-align: center;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#ff0000;background-color:#ffff00;font-weight:400;white-space:pre-wrap;">markiert</span></p></b><br class="Apple-interchange-newline">`;

const WEB_PAGE = `<h2 style="box-sizing: border-box; margin: 0px 0px 16px; font-family: -apple-system, BlinkMacSystemFont, &quot;Segoe UI&quot;, sans-serif; font-weight: 600; color: rgb(31, 35, 40); font-size: 24px;">Installation</h2><p style="box-sizing: border-box; margin: 0px 0px 16px; color: rgb(31, 35, 40); font-size: 16px; background-color: rgb(255, 255, 255);">Run <code style="box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 13.6px; padding: 0.2em 0.4em; background-color: rgba(129, 139, 152, 0.12); border-radius: 6px;">npm install</code> and read the <a href="https://example.org/docs" style="box-sizing: border-box; color: rgb(9, 105, 218); text-decoration: underline;">docs</a> or <a href="/local/page">this page</a>.</p><pre style="box-sizing: border-box; font-family: ui-monospace; padding: 16px; background-color: rgb(246, 248, 250);"><code class="language-sh">npm install
npm test</code></pre><blockquote style="border-left: 0.25em solid rgb(208, 215, 222);"><p>Zitat</p></blockquote><ul><li>eins</li><li>zwei</li></ul><p><img src="https://example.org/logo.png" alt="Logo" width="120" style="max-width: 100%;"></p>`;

describe('pasting from office programs and web pages', () => {
  it('keeps the structure of a Word document', () => {
    expect(sanitizeHTML(WORD)).toMatchInlineSnapshot(`"<h1>Protokoll der Sitzung</h1><h1>Tagesordnung</h1><p style="text-align: center"><strong>Datum:</strong> 3. März 2025, <em>Rathaus</em>, <span style="color: #c00000">vertraulich</span></p><p></p><p style="margin-left: 36pt">Eingerückter Absatz mit <mark style="background-color: #ffff00">Markierung</mark>, H<sub>2</sub>O, x<sup>2</sup> und <s>gestrichen</s>.</p><ul><li><p>Begrüßung</p><ul><li><p>Feststellung der Beschlussfähigkeit</p></li></ul></li><li><p>Haushalt 2025</p></li></ul><p></p><ol><li><p>Erster Beschluss</p></li><li><p>Zweiter Beschluss</p></li></ol><table><tbody><tr><td><p><strong>Name</strong></p></td><td><p><strong>Stimme</strong></p></td></tr><tr><td><p>Müller</p></td><td><p>Ja</p></td></tr></tbody></table><p>Mehr unter <a rel="noopener noreferrer nofollow" href="https://www.example.org/protokolle">example.org</a> und im Inhaltsverzeichnis.</p><div data-page-break="" class="page-break" style="break-after: page"></div><p>Anlage</p>"`);
  });

  it('keeps the structure of a LibreOffice document', () => {
    expect(sanitizeHTML(LIBREOFFICE)).toMatchInlineSnapshot(`"<h1>Überschrift</h1><p>Text mit <strong>fett</strong>, <em>kursiv</em>, <u>unterstrichen</u>, <s>durchgestrichen</s> und <sup>hoch</sup>gestellt.</p><ol><li><p>Eins</p><ol><li><p>Eins a</p></li></ol></li><li><p>Zwei</p></li></ol><ul><li><p>Punkt</p></li></ul><table><tbody><tr><td><p><strong>Kopf</strong></p></td><td><p><strong>Wert</strong></p></td></tr><tr><td><p>a</p></td><td><p style="text-align: right">1,5</p></td></tr></tbody></table><p style="text-align: center"><span style="color: #c9211e">rot</span> und schwarz</p><p style="margin-left: 36pt">eingerückt</p><div data-page-break="" class="page-break" style="break-after: page"></div><p>Neue Seite mit <a rel="noopener noreferrer nofollow" href="https://www.example.org/">Link</a></p>"`);
  });

  it('keeps the structure of a Google Docs document', () => {
    expect(sanitizeHTML(GOOGLE_DOCS)).toMatchInlineSnapshot(`"<h1>Protokoll</h1><p><strong>Fett</strong>, <em>kursiv</em><u>unterstrichen</u><s>weg</s><sup>1</sup> <a rel="noopener noreferrer nofollow" href="https://www.example.org/">Link</a></p><ul><li><p>Punkt</p><ul><li><p>Unterpunkt</p></li></ul></li></ul><ol><li><p>Eins</p></li></ol><table><tbody><tr><td><p><strong>A1</strong></p></td><td><p>B1</p></td></tr></tbody></table><p style="text-align: center; margin-left: 36pt"><span style="color: #ff0000"><mark style="background-color: #ffff00">markiert</mark></span></p>"`);
  });

  it('keeps the structure of a web page', () => {
    expect(sanitizeHTML(WEB_PAGE)).toMatchInlineSnapshot(`
      "<h2>Installation</h2><p>Run <code>npm install</code> and read the <a rel="noopener noreferrer nofollow" href="https://example.org/docs">docs</a> or this page.</p><pre data-language="sh"><code class="language-sh">npm install
      npm test</code></pre><blockquote><p>Zitat</p></blockquote><ul><li><p>eins</p></li><li><p>zwei</p></li></ul><p><img src="https://example.org/logo.png" alt="Logo" width="120"></p>"
    `);
  });

  it('pastes the headings of every program as paragraphs with a level, so their style can change without losing text', () => {
    const headings = (html: string) => {
      const found: [string, unknown, string][] = [];
      htmlToSlice(html).content.descendants((node) => {
        if (node.type.name === 'paragraph' && node.attrs['level'] !== 0) found.push([node.type.name, node.attrs['level'], node.textContent]);
        return !node.isTextblock;
      });
      return found;
    };
    expect(headings(WORD)).toEqual([
      ['paragraph', 1, 'Protokoll der Sitzung'],
      ['paragraph', 1, 'Tagesordnung'],
    ]);
    expect(headings(LIBREOFFICE)).toEqual([['paragraph', 1, 'Überschrift']]);
    expect(headings(GOOGLE_DOCS)).toEqual([['paragraph', 1, 'Protokoll']]);
    expect(headings(WEB_PAGE)).toEqual([['paragraph', 2, 'Installation']]);
  });

  it('starts a Word numbered list at the number of its first marker and nests lettered levels', () => {
    const html = `<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><![if !supportLists]><span style='mso-list:Ignore'>3.<span>&nbsp;</span></span><![endif]>Drei</p>
<p class=MsoListParagraph style='mso-list:l3 level2 lfo4'><![if !supportLists]><span style='mso-list:Ignore'>a)<span>&nbsp;</span></span><![endif]>Unterpunkt</p>`;
    expect(sanitizeHTML(html)).toBe('<ol start="3"><li><p>Drei</p><ol><li><p>Unterpunkt</p></li></ol></li></ol>');
  });

  it('keeps separate Word lists separate', () => {
    const item = (list: number, text: string) =>
      `<p style='mso-list:l${list} level1 lfo1'><span style='mso-list:Ignore'>·</span>${text}</p>`;
    expect(sanitizeHTML(item(0, 'a') + item(0, 'b') + item(1, 'c'))).toBe(
      '<ul><li><p>a</p></li><li><p>b</p></li></ul><ul><li><p>c</p></li></ul>',
    );
  });
});

