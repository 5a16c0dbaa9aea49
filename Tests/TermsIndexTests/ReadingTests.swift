import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

final class ReadingTests: XCTestCase {
    private var dir: URL!
    private let reader = DocumentReader(limits: ReadLimits(toolTimeout: 30))
    static let seeds = TestMaterial.corpus
    static let realworld = TestMaterial.realworld ?? URL(fileURLWithPath: "/nonexistent/shared/realworld")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    private func shared(_ folder: URL, _ name: String) throws -> ExtractedText {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) not present") }
        return try reader.read(url)
    }

    private func expectError(_ body: () throws -> Any, _ check: (IngestError) -> Bool, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try body()
            XCTFail("expected an error", file: file, line: line)
        } catch let error as IngestError {
            XCTAssertTrue(check(error), "\(error)", file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
        } catch {
            XCTFail("not an IngestError: \(error)", file: file, line: line)
        }
    }

    // MARK: seeds

    func testSpijkermanHyphenationRepaired() throws {
        let x = try shared(Self.seeds, "spijkerman-computerservice-voorwaarden.txt")
        XCTAssertEqual(x.format, .text)
        XCTAssertTrue(x.text.contains("overeengekomen"))
        XCTAssertFalse(x.text.contains("overeen-gekomen"))
        XCTAssertTrue(x.text.contains("niet-naleving"))
        XCTAssertTrue(x.text.contains("non-conformiteit"))
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("1.3 Afwijkingen en aanvullingen") })
    }

    func testEasycompMojibakeRepaired() throws {
        let x = try shared(Self.seeds, "easycomp-zeeland-voorwaarden.txt")
        XCTAssertFalse(x.text.contains("â€"))
        XCTAssertFalse(x.text.contains("â €"))
        XCTAssertFalse(x.text.contains("\u{2010}"))
        XCTAssertTrue(x.text.contains("e-mail"))
        XCTAssertTrue(x.repairs.contains { $0.kind == .mojibake })
    }

    func testKlantassistentChromeRemovedAndWordsKept() throws {
        let x = try shared(Self.seeds, "klantassistent-algemene-voorwaarden.txt")
        XCTAssertFalse(x.text.lowercased().contains("top of page"))
        XCTAssertFalse(x.text.lowercased().contains("bottom of page"))
        XCTAssertFalse(x.text.contains("\u{A0}"))
        XCTAssertTrue(x.text.contains("(rechts)persoon"))
        XCTAssertTrue(x.text.contains("e-mail"))
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("● Klant: de (rechts)persoon") })
    }

    func testSeedWithMarkdownHeadingsIsMarkdown() throws {
        let x = try shared(Self.seeds, "creaim-reconi-meekijksessie.txt")
        XCTAssertEqual(x.format, .markdown)
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .heading(level: 3), text: "Artikel 1 Meekijksessie")))
        XCTAssertEqual(x.title, "Voorwaarden \"Meekijksessie\"")
    }

    func testMattemanClausesStaySeparate() throws {
        let x = try shared(Self.seeds, "ict-leverancier-matteman-voorwaarden.txt")
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("1.2 Leverancier mag deze algemene voorwaarden wijzigen.") })
        XCTAssertFalse(x.blocks.contains { $0.text == "1" })
    }

    // MARK: real-world PDF

    func testTwoColumnPDFReadsInColumnOrder() throws {
        let x = try shared(Self.realworld, "02_ictoffice.pdf")
        XCTAssertEqual(x.format, .pdf)
        XCTAssertTrue(x.blocks.contains { $0.text == "2. Aanbiedingen" })
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("1.5 De toepasselijkheid van inkoop- of andere voorwaarden van cliënt wordt uitdrukkelijk van de hand gewezen.") })
        XCTAssertFalse(x.text.contains("© 2008"))
    }

    func testPDFPageNumbersAndFootersRemoved() throws {
        let iris = try shared(Self.realworld, "09_iriscall.pdf")
        XCTAssertFalse(iris.text.lowercased().contains("pagina 1 van 9"))
        XCTAssertFalse(iris.text.contains("\u{A0}"))
        XCTAssertFalse(iris.text.contains("\t"))
        XCTAssertTrue(iris.text.contains("dienst-specifieke"))
        let nba = try shared(Self.realworld, "31_nba-dejong-accountants.pdf")
        XCTAssertFalse(nba.text.contains("De Jong Accountants en Belastingadviseurs"))
        XCTAssertTrue(nba.blocks.contains { $0.text.hasPrefix("1. Deze algemene voorwaarden zijn van toepassing op: alle aanbiedingen") })
        XCTAssertTrue(nba.blocks.contains { $0.text == "Artikel 2. TOEPASSELIJKHEID" })
    }

    // MARK: real-world HTML and Markdown

    func testHTMLPageWithoutChrome() throws {
        let x = try shared(Self.realworld, "26_oae-consultants.html")
        XCTAssertEqual(x.format, .html)
        XCTAssertEqual(x.title, "Algemene Voorwaarden - OAE Consultants")
        XCTAssertEqual(x.blocks.first, TextBlock(kind: .heading(level: 1), text: "Algemene Voorwaarden"))
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .heading(level: 3), text: "Artikel 1. Algemeen")))
        XCTAssertFalse(x.text.contains("Projecten"))
        XCTAssertFalse(x.text.contains("info@oae.nl"))
        XCTAssertFalse(x.text.contains("Algemene voorwaarden OAE Consultants 2"))
        XCTAssertTrue(x.text.contains("Alle rechten en verplichtingen voortvloeiende uit de Overeenkomst welke naar hun aard bestemd"))
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("3.1 Alle prijzen") && $0.text.contains("(BTW)") })
    }

    func testHTMLFragmentKeepsBoldHeadingLine() throws {
        let x = try shared(Self.realworld, "24_chalet-nl_en.html")
        XCTAssertEqual(x.format, .html)
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("Introductory provision\nThese general terms and conditions apply") })
    }

    func testMarkdownHeadingsAndClauses() throws {
        let x = try shared(Self.realworld, "03_charper-bonaroo.md")
        XCTAssertEqual(x.format, .markdown)
        XCTAssertEqual(x.title, "Algemene Voorwaarden Charper Bonaroo B.V.")
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .heading(level: 2), text: "1. Definities")))
        XCTAssertTrue(x.blocks.contains { $0.text.hasPrefix("1.11. Omgeving: de systeemomgeving bestaande uit software, hardware en de randapparatuur") })
    }

    // MARK: fixtures

    func testHTMLFixtureDropsScriptsFormsBannersAndDecodesEntities() throws {
        let html = """
        <!DOCTYPE html><html><head><title>Voorwaarden &amp; zo</title><style>p{color:red}</style></head>
        <body><nav><a href="/">Home</a></nav>
        <div id="cookie-consent"><p>Wij gebruiken cookies. Accepteer alles?</p><button>OK</button></div>
        <div class="gdpr-banner">Privacy-instellingen</div>
        <script>var x = "<p>niet tonen</p>";</script><noscript>Zet JavaScript aan</noscript>
        <template><p>sjabloon</p></template><svg><text>logo</text></svg>
        <main><h1>Algemene&nbsp;voorwaarden</h1><h2>Artikel 1 &ndash; Definities</h2>
        <p>Caf&eacute; &#233;&#xE9; &#8217;s &lt;tag&gt; &euro;&#128;<br>tweede regel</p>
        <ul><li>eerste punt</li><li>tweede punt</ul>
        <table><tr><td>cel een</td><td>cel twee</td></tr></table>
        <form><label>Naam</label><input name="n"></form>
        </main><footer>© 2024 Voorbeeld</footer></body></html>
        """
        let x = try reader.read(try file("page.html", Array(html.utf8)))
        XCTAssertEqual(x.title, "Voorwaarden & zo")
        XCTAssertEqual(x.blocks.first, TextBlock(kind: .heading(level: 1), text: "Algemene voorwaarden"))
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .heading(level: 2), text: "Artikel 1 – Definities")))
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .paragraph, text: "Café éé ’s <tag> €€\ntweede regel")))
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .listItem, text: "eerste punt")))
        XCTAssertTrue(x.blocks.contains(TextBlock(kind: .listItem, text: "tweede punt")))
        XCTAssertTrue(x.text.contains("cel een\ncel twee"))
        for gone in ["cookies", "Privacy-instellingen", "niet tonen", "JavaScript", "sjabloon", "logo", "Naam", "Home", "© 2024", "color"] {
            XCTAssertFalse(x.text.contains(gone), gone)
        }
    }

    func testMalformedAndDeeplyNestedHTML() throws {
        var html = "<html><body>"
        html += String(repeating: "<div><span>", count: 50_000)
        html += "<p>Diep genest</p>"
        html += String(repeating: "</b></i>", count: 10_000)
        html += "<p>Open <b>vet <i>schuin</p> <<< a < b > c & d &#99999999; &bogus; <!-- nooit gesloten"
        let x = try reader.read(data: Data(html.utf8), fileExtension: "html", path: "deep.html")
        XCTAssertTrue(x.text.contains("Diep genest"))
        XCTAssertTrue(x.text.contains("Open vet schuin"))
        // An unclosed <nav> around everything: the reader falls back to all text, not none.
        let unclosed = try reader.read(data: Data("<html><body><nav><p>Artikel 1 Alles".utf8), fileExtension: "html", path: "nav.html")
        XCTAssertTrue(unclosed.text.contains("Artikel 1 Alles"))
    }

    func testMarkdownFixture() throws {
        let md = "Titel\n=====\n\n## 1. Definities\n\nIn deze **voorwaarden** wordt _verstaan_ onder\neen [klant](https://x.nl) de `partij`.\n\n- eerste\n* tweede\n1. genummerd\n\n### Slot ###\n"
        let x = try reader.read(try file("v.md", Array(md.utf8)))
        XCTAssertEqual(x.blocks, [
            TextBlock(kind: .heading(level: 1), text: "Titel"),
            TextBlock(kind: .heading(level: 2), text: "1. Definities"),
            TextBlock(kind: .paragraph, text: "In deze voorwaarden wordt verstaan onder een klant de partij."),
            TextBlock(kind: .listItem, text: "eerste"),
            TextBlock(kind: .listItem, text: "tweede"),
            TextBlock(kind: .listItem, text: "1. genummerd"),
            TextBlock(kind: .heading(level: 3), text: "Slot"),
        ])
        XCTAssertEqual(x.title, "Titel")
    }

    func testWindows1252AndCRLFFile() throws {
        let bytes: [UInt8] = Array("1.1 De cli".utf8) + [0xEB] + Array("nt betaalt ".utf8) + [0x80] + Array(" 10 binnen\r\nveertien dagen.\r\n".utf8)
        let x = try reader.read(try file("cp1252.txt", bytes))
        XCTAssertEqual(x.blocks, [TextBlock(kind: .paragraph, text: "1.1 De cliënt betaalt € 10 binnen veertien dagen.")])
        XCTAssertTrue(x.repairs.contains { $0.kind == .encoding })
        XCTAssertTrue(x.repairs.contains { $0.kind == .lineEndings })
    }

    func testUTF16Files() throws {
        let text = "Artikel 1 Toepasselijkheid\r\n\r\n1.1 Deze voorwaarden gelden voor één cliënt."
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [[0xFF, 0xFE] + le, [0xFE, 0xFF] + be, le] {
            let x = try reader.read(try file("u16.txt", bytes))
            XCTAssertEqual(x.format, .text)
            XCTAssertEqual(x.blocks.map(\.text), ["Artikel 1 Toepasselijkheid", "1.1 Deze voorwaarden gelden voor één cliënt."])
        }
    }

    /// A .docx made with `zip` from the given parts of `word/`.
    private func makeDocx(_ parts: [String: String], name: String = "test") throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zip") else { throw XCTSkip("zip not installed") }
        let root = dir.appendingPathComponent(name)
        let word = root.appendingPathComponent("word")
        try FileManager.default.createDirectory(at: word, withIntermediateDirectories: true)
        for (part, xml) in parts { try Data(xml.utf8).write(to: word.appendingPathComponent(part)) }
        try Data("<Types/>".utf8).write(to: root.appendingPathComponent("[Content_Types].xml"))
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        zip.currentDirectoryURL = root
        zip.arguments = ["-q", "-r", "../\(name).docx", "."]
        try zip.run()
        zip.waitUntilExit()
        return dir.appendingPathComponent("\(name).docx")
    }

    func testDocxBuiltWithZip() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Algemene voorwaarden</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Artikel 1 </w:t></w:r><w:r><w:t>Definities</w:t></w:r></w:p>
        <w:p><w:r><w:t>De cli&#235;nt &amp; de leverancier</w:t></w:r><w:r><w:tab/><w:t>spreken af.</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>genummerd punt</w:t></w:r></w:p>
        <w:p><w:r><w:t>regel een</w:t><w:br/><w:t>regel twee</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
        </w:body></w:document>
        """
        let url = try makeDocx(["document.xml": xml])
        let x = try reader.read(url)
        XCTAssertEqual(x.format, .docx)
        XCTAssertEqual(x.title, "Algemene voorwaarden")
        XCTAssertEqual(x.blocks, [
            TextBlock(kind: .heading(level: 1), text: "Algemene voorwaarden"),
            TextBlock(kind: .heading(level: 2), text: "Artikel 1 Definities"),
            TextBlock(kind: .paragraph, text: "De cliënt & de leverancier spreken af."),
            TextBlock(kind: .listItem, text: "genummerd punt"),
            TextBlock(kind: .paragraph, text: "regel een\nregel twee"),
        ])
        // The same bytes through read(data:) go via a temporary copy.
        let again = try reader.read(data: try Data(contentsOf: url), fileExtension: "docx", path: "mem.docx")
        XCTAssertEqual(again.blocks.count, 5)
    }

    func testDocxNumberingIsShownAsWordShowsIt() throws {
        func p(_ text: String, num: Int? = nil, level: Int = 0, style: String? = nil) -> String {
            let styleXML = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            let numXML = num.map { "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\($0)\"/></w:numPr>" } ?? ""
            return "<w:p><w:pPr>\(styleXML)\(numXML)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let document = "<w:document xmlns:w=\"w\"><w:body>" + [
            p("Toepasselijkheid", style: "Artikelkop"),
            p("Deze voorwaarden gelden.", num: 1, level: 1),
            p("Zij gelden ook voor:", num: 1, level: 1),
            p("offertes;", num: 1, level: 2), p("opdrachten.", num: 1, level: 2),
            p("Betaling", style: "Artikelkop"),
            p("Binnen 14 dagen.", num: 1, level: 1),
            p("een opsommingsteken", num: 3),
            p("eerste punt van een nieuwe lijst", num: 2),
        ].joined() + "</w:body></w:document>"
        func level(_ n: Int, _ format: String, _ text: String) -> String {
            "<w:lvl w:ilvl=\"\(n)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/></w:lvl>"
        }
        let numbering = """
            <w:numbering xmlns:w="w">
            <w:abstractNum w:abstractNumId="0">\(level(0, "decimal", "Artikel %1.") + level(1, "decimal", "%1.%2") + level(2, "lowerLetter", "%3)"))</w:abstractNum>
            <w:abstractNum w:abstractNumId="1">\(level(0, "bullet", "•"))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
            </w:numbering>
            """
        let styles = """
            <w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="Artikelkop"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>
            """
        let x = try reader.read(try makeDocx(["document.xml": document, "numbering.xml": numbering, "styles.xml": styles]))
        XCTAssertEqual(x.blocks.map(\.text), [
            "Artikel 1. Toepasselijkheid", "1.1 Deze voorwaarden gelden.", "1.2 Zij gelden ook voor:", "a) offertes;", "b) opdrachten.",
            "Artikel 2. Betaling", "2.1 Binnen 14 dagen.", "een opsommingsteken", "Artikel 1. eerste punt van een nieuwe lijst",
        ])
    }

    func testMarkdownNestedListsAreNumberedByTheirPathAndBecomeClauses() throws {
        let markdown = """
            ### Article 1. Definitions

            In these Terms the following terms have the following meanings:

            1.  Account: the personal section.
            2.  Client: the party that accepts the Terms.

            ### Article 3. Termination

            1.  The Agreement runs for a year.
            2.  Either Party may terminate it if the other party:
                1.  becomes bankrupt;
                2.  is granted a moratorium;
                    1.  provisional, or
                    2.  final.
                - whatever else
            3.  Notice is given in writing.
            """
        let x = try reader.read(try file("nested.md", Array(markdown.utf8)))
        let keys = ClauseSegmenter().segment(x.blocks).map(\.key)
        XCTAssertEqual(keys, ["1", "1.1", "1.2", "3.1", "3.2", "3.2.1", "3.2.2", "3.2.2.1", "3.2.2.2", "3.3"])
    }

    func testMarkdownFrontMatterAndBoldRunInHeadings() throws {
        let markdown = """
            ---
            layout: terms.html
            title: Algemene voorwaarden Voorbeeld
            lastmod: 2024-03-01
            ---

            **Definities** In deze voorwaarden betekenen de woorden het volgende.

            **Opdrachtnemer**: de partij die de opdracht uitvoert.

            ## Artikel 1 — Toepasselijkheid

            **1.1** ‐ Deze voorwaarden gelden voor elke opdracht.
            """
        let x = try reader.read(try file("front.md", Array(markdown.utf8)))
        XCTAssertEqual(x.title, "Algemene voorwaarden Voorbeeld")
        XCTAssertFalse(x.text.contains("layout:"), "front matter is no text")
        XCTAssertEqual(x.asideLines.count, 3)
        XCTAssertEqual(x.blocks.first?.kind, .heading(level: 6))
        XCTAssertEqual(x.blocks.first?.text, "Definities")
        XCTAssertTrue(x.blocks.contains { $0.kind == .paragraph && $0.text.hasPrefix("Opdrachtnemer: de partij") }, "a defined term is no heading")
        let clauses = ClauseSegmenter().segment(x.blocks)
        XCTAssertEqual(clauses.map(\.key), ["preamble", "1.1"])
        XCTAssertEqual(clauses[0].location.heading, "Definities")
        let metadata = DocumentIngester().ingest(x, path: "/tmp/front.md", id: "front").document.metadata
        XCTAssertEqual(metadata.versionDate, "2024-03-01", "the front matter still dates the document")
    }

    // MARK: errors

    func testErrors() throws {
        expectError({ try self.reader.read(self.dir.appendingPathComponent("missing.txt")) }) { $0 == .notFound(path: self.dir.appendingPathComponent("missing.txt").path) }
        expectError({ try self.reader.read(try self.file("blob.bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3, 0, 0])) }) {
            if case .binary = $0 { return true } else { return false }
        }
        expectError({ try self.reader.read(try self.file("fake.docx", Array("geen zip".utf8))) }) {
            if case .malformed(_, let reason) = $0 { return reason.contains("not a zip") } else { return false }
        }
        expectError({ try self.reader.read(try self.file("broken.docx", [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8) + [UInt8](repeating: 7, count: 64))) }) {
            if case .malformed = $0 { return true } else { return false }
        }
        expectError({ try DocumentReader(limits: ReadLimits(maxFileBytes: 10)).read(data: Data(count: 11), fileExtension: "txt", path: "big.txt") }) {
            $0 == .tooLarge(path: "big.txt", bytes: 11, limit: 10)
        }
    }

    func testTruncatedPDF() throws {
        let url = Self.realworld.appendingPathComponent("19_saluscheck.pdf")
        guard let data = try? Data(contentsOf: url) else { throw XCTSkip("real-world PDF not present") }
        expectError({ try self.reader.read(data: data.prefix(3000), fileExtension: "pdf", path: "cut.pdf") }) {
            if case .malformed(let path, _) = $0 { return path == "cut.pdf" } else { return false }
        }
        expectError({ try self.reader.read(data: Data("%PDF-1.4\n".utf8), fileExtension: "pdf", path: "tiny.pdf") }) {
            if case .malformed = $0 { return true } else { return false }
        }
    }

    func testMissingToolIsReported() throws {
        let saved = ProcessInfo.processInfo.environment["PATH"] ?? ""
        setenv("PATH", "/nonexistent", 1)
        defer { setenv("PATH", saved, 1) }
        expectError({ try self.reader.read(data: Data("%PDF-1.4\n".utf8), fileExtension: "pdf", path: "x.pdf") }) {
            if case .toolMissing(let tool) = $0 { return tool.contains("poppler-utils") } else { return false }
        }
    }

    func testToolTimeout() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/sleep") || FileManager.default.isExecutableFile(atPath: "/usr/bin/sleep") else { throw XCTSkip("no sleep") }
        let tool = ExternalTool(name: "sleep", installHint: "coreutils")
        expectError({ try tool.run(["10"], path: "slow", limits: ReadLimits(toolTimeout: 0.5)) }) {
            $0 == .timedOut(tool: "sleep", path: "slow", seconds: 0.5)
        }
    }

    func testToolOutputLargerThanPipeBufferIsReadFully() throws {
        let tool = ExternalTool(name: "head", installHint: "coreutils")
        let output = try tool.run(["-c", "1000000", "/dev/zero"], path: "zero", limits: .default)
        XCTAssertEqual(output.stdout.count, 1_000_000)
        XCTAssertEqual(output.status, 0)
    }

    // MARK: sniffing

    func testSniffer() {
        XCTAssertEqual(FormatSniffer.sniff(Data("%PDF-1.7\n".utf8), fileExtension: "txt"), .pdf)
        XCTAssertEqual(FormatSniffer.sniff(Data([0x50, 0x4B, 0x03, 0x04] + Array("..word/document.xml".utf8)), fileExtension: "bin"), .docx)
        XCTAssertNil(FormatSniffer.sniff(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), fileExtension: "zip"))
        XCTAssertEqual(FormatSniffer.sniff(Data("\u{FEFF}  \n<!DOCTYPE html><p>x".utf8), fileExtension: "txt"), .html)
        XCTAssertEqual(FormatSniffer.sniff(Data("<HTML><body>x".utf8), fileExtension: ""), .html)
        XCTAssertEqual(FormatSniffer.sniff(Data("<b>Kop</b><br>tekst".utf8), fileExtension: "htm"), .html)
        XCTAssertEqual(FormatSniffer.sniff(Data("gewoon tekst".utf8), fileExtension: "md"), .markdown)
        XCTAssertEqual(FormatSniffer.sniff(Data("# Kop\n\ntekst\n\n## Tweede\n".utf8), fileExtension: "txt"), .markdown)
        XCTAssertEqual(FormatSniffer.sniff(Data("1.1 Gewone tekst # geen kop".utf8), fileExtension: "txt"), .text)
        XCTAssertEqual(FormatSniffer.sniff(Data(), fileExtension: "txt"), .text)
        XCTAssertNil(FormatSniffer.sniff(Data([0x00, 0x01, 0x02, 0x41, 0x00, 0x00, 0x9F, 0x42]), fileExtension: "txt"))
        XCTAssertNil(FormatSniffer.sniff(Data((0..<200).map { UInt8($0 % 32) }), fileExtension: "txt"))
    }

    // MARK: robustness

    /// Thousands of random and mutated buffers (fixed seed): every one returns or throws an IngestError.
    func testFuzzedInputsNeverCrash() throws {
        var rng = SplitMix64(seed: 0x7E12_5EA2)
        var corpus: [(Data, String)] = [
            (Data("<html><body><h1>Kop</h1><p>Tekst &amp; meer<br>regel</p><ul><li>punt</ul></body></html>".utf8), "html"),
            (Data("# Kop\n\n1.1 De opdracht-\ngever betaalt.\n\n- punt\n* [link](x)\n".utf8), "md"),
            (Data("Artikel 1\n1.1 De cliÃ«nt â€™s overeen-gekomen\n- 2 -\n\u{0C}Pagina 2 van 3\ne-mail".utf8), "txt"),
        ]
        if let seed = try? Data(contentsOf: Self.seeds.appendingPathComponent("creaim-reconi-meekijksessie.txt")) {
            corpus.append((seed, "txt"))
        }
        var outcomes = [0, 0]
        for round in 0..<3000 {
            let data: Data
            let ext: String
            if round % 4 == 0 {
                let n = Int(rng.next() % 512)
                data = Data((0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
                ext = ["txt", "html", "md", "bin"][Int(rng.next() % 4)]
            } else {
                let (base, baseExt) = corpus[Int(rng.next() % UInt64(corpus.count))]
                var bytes = [UInt8](base)
                for _ in 0..<Int(1 + rng.next() % 12) where !bytes.isEmpty {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 4 {
                    case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.insert(contentsOf: [0xC3, 0xE2, 0x80, 0x3C, 0x26, 0x0D, 0x0C, 0xAD][Int(rng.next() % 8)...], at: at)
                    case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 16)))
                    default: bytes = Array(bytes.prefix(at))
                    }
                }
                data = Data(bytes)
                ext = baseExt
            }
            do {
                let x = try reader.read(data: data, fileExtension: ext, path: "fuzz-\(round)")
                XCTAssertFalse(x.blocks.contains { $0.text.isEmpty })
                outcomes[0] += 1
            } catch is IngestError {
                outcomes[1] += 1
            }
        }
        XCTAssertGreaterThan(outcomes[0], 1000)
        XCTAssertGreaterThan(outcomes[1], 100)
    }

    func testLargeInputsStayLinear() throws {
        // One megabyte without a newline and 100 000 short lines: quadratic code would not finish.
        let long = String(repeating: "woord- ", count: 150_000)
        XCTAssertFalse(try reader.read(data: Data(long.utf8), fileExtension: "txt", path: "long.txt").blocks.isEmpty)
    }

    func testManyLinesStayLinear() throws {
        let many = String(repeating: "de klant en\n", count: 100_000)
        XCTAssertEqual(try reader.read(data: Data(many.utf8), fileExtension: "txt", path: "many.txt").blocks.count, 1)
    }
}
