import Foundation
import XCTest
@testable import TermsIndex

/// RTF, ODT and web page templates (TSX, Blade, Vue, PHP), each from a small file written here.
final class ReadingFormatsTests: XCTestCase {
    private var dir: URL!
    private let reader = DocumentReader(limits: ReadLimits(toolTimeout: 30))

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func file(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func expectMalformed(_ url: URL, _ reasonPart: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try reader.read(url)
            XCTFail("expected malformed", file: file, line: line)
        } catch let error as IngestError {
            guard case .malformed(let path, let reason) = error else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(path, url.path, file: file, line: line)
            XCTAssertTrue(reason.contains(reasonPart), reason, file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
        } catch {
            XCTFail("not an IngestError: \(error)", file: file, line: line)
        }
    }

    private func headings(_ x: ExtractedText) -> [String] {
        x.blocks.compactMap { if case .heading = $0.kind { return $0.text } else { return nil } }
    }

    // MARK: RTF

    static let rtf = #"""
    {\rtf1\ansi\ansicpg1252\deff0\uc1{\fonttbl{\f0\fswiss Arial Verborgen;}}
    {\colortbl ;\red0\green0\blue255;}{\stylesheet{\s1 heading 1 Verborgen;}}
    {\info{\title Verborgen titel}{\author Verborgen}}
    {\header\pard Kopregel verborgen\par}{\footer\pard Pagina verborgen\par}
    {\*\generator Verborgen 1.0;}{\*\onbekend {\genest Verborgen genest}}
    \viewkind4\pard\fs32\b Algemene voorwaarden\b0\fs20\par
    \pard Artikel 1 Toepasselijkheid\par
    Deze voorwaarden gelden voor caf\'e9s en kosten in \'80, prijs \u8364?12 en \uc0\u8220 citaat\u8221 .\par
    {\pict\wmetafile8 0a0b0c0d Verborgen}Tweede\line regel\tab na tab \{haakjes\} \\ slash\par
    Emoji \uc1\u-10179?\u-8704? en \ldblquote aanhaling\rdblquote\par
    {\field{\*\fldinst HYPERLINK "http://verborgen.example"}{\fldrslt zichtbare link}}\par
    }
    """#

    func testRTFBodyTextCodePageAndUnicode() throws {
        let x = try reader.read(try file("voorwaarden.rtf", Self.rtf))
        XCTAssertEqual(x.format, .rtf)
        XCTAssertFalse(x.text.contains("Verborgen"), x.text)
        XCTAssertFalse(x.text.contains("verborgen"), x.text)
        XCTAssertNil(x.text.range(of: #"\\[a-z]"#, options: .regularExpression), x.text)
        XCTAssertTrue(x.text.contains("cafés en kosten in €, prijs €12 en “citaat”."), x.text)
        XCTAssertFalse(x.text.contains("?12"), x.text)
        XCTAssertTrue(x.text.contains("Emoji 😀 en “aanhaling”"), x.text)
        XCTAssertTrue(x.blocks.contains { $0.text == "zichtbare link" }, x.text)
        // One block per \par; \line keeps its line inside the block.
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("Artikel 1 Toepasselijkheid") })
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("Deze voorwaarden gelden") })
        let second = try XCTUnwrap(x.blocks.first { $0.text.hasPrefix("Tweede") })
        XCTAssertTrue(second.text.hasPrefix("Tweede\nregel na tab {haakjes}"), second.text)
        // Bigger type than the body, short: a heading.
        XCTAssertEqual(x.blocks.first, TextBlock(kind: .heading(level: 1), text: "Algemene voorwaarden"))
        XCTAssertEqual(x.title, "Algemene voorwaarden")
    }

    func testRTFOtherCodePageAndOutlineLevel() throws {
        let rtf = #"{\rtf1\ansi\ansicpg1250{\fonttbl{\f0 Arial;}}\pard\outlinelevel1 Pozn\'e1mka\par\pard Gda\'f1sk \'b9\par}"#
        let x = try reader.read(try file("cz.rtf", rtf))
        XCTAssertEqual(x.blocks.first, TextBlock(kind: .heading(level: 2), text: "Poznámka"))
        XCTAssertEqual(x.blocks.last?.text, "Gdańsk ą")
    }

    func testMalformedRTFIsRefusedWithAReason() throws {
        expectMalformed(try file("open.rtf", #"{\rtf1\ansi {\b vet\par"#), "unbalanced RTF: 2 group(s) not closed")
        expectMalformed(try file("deep.rtf", "{\\rtf1 " + String(repeating: "{", count: 300) + "diep" + String(repeating: "}", count: 301)), "nested deeper than 256")
        expectMalformed(try file("escape.rtf", #"{\rtf1 fout \'g"#), "two hex digits")
        expectMalformed(try file("plain.rtf", "Gewone tekst met de extensie rtf."), "does not start with {\\rtf")
    }

    func testRTFTextIsBounded() throws {
        let small = DocumentReader(limits: ReadLimits(maxTextBytes: 1000))
        let rtf = "{\\rtf1 " + String(repeating: "Veel tekst in een alinea.\\par ", count: 200) + "}"
        XCTAssertThrowsError(try small.read(try file("groot.rtf", rtf))) { error in
            guard case IngestError.tooMuchText = error else { return XCTFail("\(error)") }
        }
    }

    // MARK: ODT

    static let contentXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
    <office:automatic-styles/>
    <office:body><office:text>
    <text:sequence-decls><text:sequence-decl text:name="Verborgen"/></text:sequence-decls>
    <text:h text:style-name="Heading_20_1" text:outline-level="1">Algemene voorwaarden</text:h>
    <text:h text:outline-level="2">Artikel 1 <text:span>Definities</text:span></text:h>
    <text:p>In deze voorwaarden:<text:s text:c="3"/>gelden<text:tab/>de begrippen &amp; regels<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Voetnoot verborgen</text:p></text:note-body></text:note>.</text:p>
    <text:list><text:list-item><text:p>Klant: de wederpartij;</text:p>
    <text:list><text:list-item><text:p>Genest punt</text:p></text:list-item></text:list></text:list-item>
    <text:list-item><text:p>Dienst: het werk</text:p></text:list-item></text:list>
    <text:p text:style-name="Heading_20_3">Stijlkop</text:p>
    <text:p>Eerste regel<text:line-break/>tweede regel</text:p>
    </office:text></office:body></office:document-content>
    """

    private func makeODT(_ name: String, content: String) throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zip") else { throw XCTSkip("zip not installed") }
        let folder = dir.appendingPathComponent("odt-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("application/vnd.oasis.opendocument.text".utf8).write(to: folder.appendingPathComponent("mimetype"))
        try Data(content.utf8).write(to: folder.appendingPathComponent("content.xml"))
        let url = dir.appendingPathComponent(name)
        // ODF wants the mimetype first and stored, then the rest.
        for arguments in [["-q", "-0", "-X", url.path, "mimetype"], ["-q", "-X", url.path, "content.xml"]] {
            let zip = Process()
            zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
            zip.currentDirectoryURL = folder
            zip.arguments = arguments
            try zip.run()
            zip.waitUntilExit()
            XCTAssertEqual(zip.terminationStatus, 0)
        }
        return url
    }

    func testODTHeadingsParagraphsAndLists() throws {
        let url = try makeODT("voorwaarden.odt", content: Self.contentXML)
        let x = try reader.read(url)
        XCTAssertEqual(x.format, .odt)
        XCTAssertEqual(Array(x.blocks.prefix(2)), [
            TextBlock(kind: .heading(level: 1), text: "Algemene voorwaarden"),
            TextBlock(kind: .heading(level: 2), text: "Artikel 1 Definities"),
        ])
        XCTAssertEqual(x.blocks[2], TextBlock(kind: .paragraph, text: "In deze voorwaarden: gelden de begrippen & regels."))
        XCTAssertEqual(x.blocks.filter { $0.kind == .listItem }.map(\.text), ["Klant: de wederpartij;", "Genest punt", "Dienst: het werk"])
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .heading(level: 3), text: "Stijlkop")))
        XCTAssertEqual(x.blocks.last?.text, "Eerste regel\ntweede regel")
        XCTAssertFalse(x.text.contains("erborgen"))
        XCTAssertEqual(x.title, "Algemene voorwaarden")
        // From bytes alone, whatever the name.
        let again = try reader.read(data: try Data(contentsOf: url), fileExtension: "bin", path: "mem.bin")
        XCTAssertEqual(again.format, .odt)
        XCTAssertEqual(again.blocks, x.blocks)
    }

    func testBrokenODTIsMalformed() throws {
        expectMalformed(try file("nep.odt", "geen zip"), "not a zip archive")
    }

    // MARK: Templates

    static let tsx = #"""
    import Link from "next/link"
    import { Metadata } from 'next'

    export const metadata: Metadata = { title: "Voorwaarden | Voorbeeld BV", description: 'Verborgen beschrijving' }

    const artikelen: Array<string> = ["Verborgen lijst"]
    const sleutel = <T,>(x: T) => x

    export default function Page({ naam }: { naam: string }) {
      const jaar = 2025 < 3000 ? "Verborgen jaar" : 'nee'
      return (
        <main className="prose max-w-3xl">
          {/* Verborgen commentaar */}
          <h1 className="text-3xl">Algemene voorwaarden</h1>
          <p className="text-gray-500">Laatst bijgewerkt: {"januari 2025"}</p>
          <section>
            <h2>Artikel 1 - Toepasselijkheid</h2>
            <p>
              Deze voorwaarden gelden voor auto's en fietsen van{' '}
              <Link href="/over" className="underline">Ric &amp; Co</Link>.
            </p>
            <ol start="2">
              <li>Eerste punt {naam}</li>
              <li>Tweede punt</li>
            </ol>
            {artikelen.length > 0 && (
              <ul>
                {artikelen.map((a) => <li key={a}>Punt uit een lijst</li>)}
              </ul>
            )}
          </section>
          <input value={jaar} onChange={(e) => { if (e) { return } }} />
        </main>
      )
    }
    """#

    func testTSXTextAndStructureWithoutSyntax() throws {
        let x = try reader.read(try file("pagina.tsx", Self.tsx))
        XCTAssertEqual(x.format, .jsx)
        XCTAssertEqual(headings(x), ["Algemene voorwaarden", "Artikel 1 - Toepasselijkheid"])
        XCTAssertEqual(x.title, "Voorwaarden | Voorbeeld BV")  // from metadata, as the page's <title>
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .paragraph, text: "Laatst bijgewerkt: januari 2025")), x.text)
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .paragraph, text: "Deze voorwaarden gelden voor auto's en fietsen van Ric & Co.")), x.text)
        XCTAssertEqual(x.blocks.filter { $0.kind == .listItem }.map(\.text), ["2. Eerste punt", "3. Tweede punt", "Punt uit een lijst"])
        for syntax in ["import", "export", "className", "Verborgen", "=>", "{", "}", "naam", "<", "return", "Voorbeeld BV"] {
            XCTAssertFalse(x.text.contains(syntax), "\(syntax) in \(x.text)")
        }
    }

    static let blade = #"""
    @extends('layouts.app')
    @section('title', 'Titel van de pagina')
    {{-- Verborgen commentaar --}}
    @section('content')
    <?php $verborgen = "Verborgen php"; ?>
    <div class="container">
        <h1>{{ __('Algemene voorwaarden') }}</h1>
        @if ($user->isAdmin())
            <p>Alleen voor beheerders: {{ $user->name }} en {!! $verborgenHtml !!}</p>
        @else
            <p>Mail ons op info@voorbeeld.nl.</p>
        @endif
        <h2>Artikel 2 Levering</h2>
        <ul>
            @foreach ($punten as $punt)
                <li>Levering binnen @{{ verborgen }} 30 dagen</li>
            @endforeach
        </ul>
        @csrf
        @php
            $nogVerborgen = true;
        @endphp
    </div>
    @endsection
    """#

    func testBladeTextAndStructureWithoutSyntax() throws {
        for name in ["voorwaarden.blade.php", "voorwaarden.blade.html"] {
            let x = try reader.read(try file(name, Self.blade))
            XCTAssertEqual(x.format, .blade, name)
            XCTAssertEqual(headings(x), ["Algemene voorwaarden", "Artikel 2 Levering"], name)
            XCTAssertEqual(x.title, "Titel van de pagina", name)  // from @section('title'), as the page's <title>
            XCTAssertTrue(x.blocks.contains(TextBlock(kind: .paragraph, text: "Alleen voor beheerders: en")), x.text)
            XCTAssertTrue(x.blocks.contains(TextBlock(kind: .paragraph, text: "Mail ons op info@voorbeeld.nl.")), x.text)
            XCTAssertTrue(x.blocks.contains(TextBlock(kind: .listItem, text: "Levering binnen 30 dagen")), x.text)
            for syntax in ["{{", "}}", "{!!", "$", "Verborgen", "verborgen", "<?php", "endif", "csrf"] {
                XCTAssertFalse(x.text.contains(syntax), "\(syntax) in \(x.text)")
            }
            XCTAssertEqual(x.text.components(separatedBy: "@").count, 2, x.text)  // only the e-mail address
        }
    }

    func testVueAndPHPTemplates() throws {
        let vue = """
        <template>
          <article>
            <h1>{{ $t('Voorwaarden') }}</h1>
            <template v-if="toon"><p>Artikel 3 Betaling binnen {{ dagen }} dagen.</p></template>
            <p @click="open = !open" :class="{ actief: open }">Klik voor meer.</p>
          </article>
        </template>
        <script setup lang="ts">
        const dagen = "Verborgen script"
        </script>
        <style scoped>.actief { color: red }</style>
        """
        let v = try reader.read(try file("Voorwaarden.vue", vue))
        XCTAssertEqual(v.format, .vue)
        XCTAssertEqual(v.blocks, [
            TextBlock(kind: .heading(level: 1), text: "Voorwaarden"),
            TextBlock(kind: .paragraph, text: "Artikel 3 Betaling binnen dagen."),
            TextBlock(kind: .paragraph, text: "Klik voor meer."),
        ])
        let php = """
        <?php include 'kop.php'; $titel = "Verborgen"; ?>
        <h2>Artikel 4 Garantie</h2>
        <p>Garantie van <?= $jaren ?> twee jaar.</p>
        """
        let p = try reader.read(try file("garantie.php", php))
        XCTAssertEqual(p.format, .php)
        XCTAssertEqual(p.blocks, [
            TextBlock(kind: .heading(level: 2), text: "Artikel 4 Garantie"),
            TextBlock(kind: .paragraph, text: "Garantie van twee jaar."),
        ])
    }

    // MARK: Routing

    func testFormatsAreSniffedFromContent() {
        func sniff(_ text: String, _ ext: String) -> DocumentFormat? { FormatSniffer.sniff(Data(text.utf8), fileExtension: ext) }
        XCTAssertEqual(sniff("{\\rtf1\\ansi tekst}", "txt"), .rtf)
        XCTAssertEqual(sniff("\n {\\rtf1 tekst}", ""), .rtf)
        XCTAssertEqual(sniff("<!DOCTYPE html><html>@yield('content')</html>", "html"), .blade)
        XCTAssertEqual(sniff("<html><body><p>Gewone pagina</p></body></html>", "html"), .html)
        XCTAssertEqual(sniff("<?php echo 1; ?><p>Tekst</p>", "txt"), .php)
        XCTAssertEqual(sniff("export default function P() {\n  return (\n    <div className=\"x\">Tekst</div>\n  )\n}", "txt"), .jsx)
        XCTAssertEqual(sniff("export default function P() { return <p/> }", "jsx"), .jsx)
        XCTAssertEqual(sniff("Gewone tekst.", "txt"), .text)
        XCTAssertEqual(DocumentReader.fileExtension("a.Blade.PHP"), "blade.php")
        XCTAssertEqual(DocumentReader.fileExtension("voorwaarden.tsx"), "tsx")
    }

    func testUnsupportedFormatErrorListsTheNewFormats() {
        let message = IngestError.binary(path: "x").description
        for format in ["rtf", "odt", "tsx", "blade"] { XCTAssertTrue(message.contains(format), message) }
    }
}

extension ReadingFormatsTests {
    /// Hostile templates finish in time proportional to their size.
    func testHostileTemplatesStayLinear() throws {
        let nested = "const x = (" + String(repeating: "<a>(", count: 20_000) + "<b,"
        let start = Date()
        let jsx = TemplateExtractor(dialect: .jsx).markup(nested)
        XCTAssertFalse(jsx.contains("<b"))
        let unclosed = String(repeating: "{{ @if( <?php {!! ", count: 20_000)
        _ = TemplateExtractor(dialect: .server).markup(unclosed)
        let deep = "return (" + String(repeating: "<p>{x && (", count: 5_000)
        _ = TemplateExtractor(dialect: .jsx).markup(deep)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
