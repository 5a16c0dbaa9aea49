import Foundation

/// Paragraphs of an RTF document: one pass over the bytes with a stack of group states, no tree.
///
/// Destinations that hold no body text (font, colour and style tables, document info, pictures,
/// headers and footers, field instructions, anything marked `{\*\...}`) are skipped; `\par` ends a
/// block, `\line` breaks a line; `\'hh` is read in the document's `\ansicpg` code page and `\uN`
/// skips the `\ucN` fallback characters after it.
struct RTFExtractor {
    /// Groups nested deeper than this are refused (real documents stay below 30).
    static let maxDepth = 256

    /// Destinations whose text is not part of the body.
    static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf",
        "footer", "footerl", "footerr", "footerf", "fldinst", "object", "objdata", "themedata",
        "colorschememapping", "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl",
        "generator", "xmlnstbl", "filetbl", "revtbl", "pgdsctbl", "nonshppict", "shpinst", "picprop",
        "bkmkstart", "bkmkend", "pn", "pntxta", "pntxtb", "pnseclvl", "template", "datafield",
        "formfield", "docvar", "userprops", "comment", "annotation", "atnid", "atnauthor", "xe", "tc",
        "private", "listpicture", "mmathpr", "wgrffmtfilter", "panose", "falt", "fname",
    ]

    /// Control words that stand for one character.
    static let symbols: [String: String] = [
        "lquote": "\u{2018}", "rquote": "\u{2019}", "ldblquote": "\u{201C}", "rdblquote": "\u{201D}",
        "bullet": "\u{2022}", "endash": "\u{2013}", "emdash": "\u{2014}", "emspace": " ", "enspace": " ",
        "qmspace": " ", "tab": " ", "cell": " ", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]

    /// Control words that end a paragraph.
    static let paragraphBreaks: Set<String> = ["par", "sect", "page", "row"]

    private struct GroupState {
        var skip = false
        var unicodeSkip = 1
        /// In half-points, as `\fsN` gives it (24 is 12 pt, RTF's default).
        var fontSize = 24
        var bold = false
    }

    /// How a finished paragraph looked: headings in RTF are often only bigger or bold type.
    private struct ParagraphLook {
        /// The smallest type any of its text is in; nil when its kind came from `\outlinelevel` or a list.
        var fontSize: Int?
        var bold: Bool
        var length: Int
    }

    /// The body's blocks, or `malformed` / `tooMuchText` naming `path`.
    func extract(_ data: Data, path: String, limits: ReadLimits) throws -> [RawBlock] {
        let bytes = [UInt8](data)
        let n = bytes.count
        var start = 0
        while start < n, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 { start += 1 }
        guard bytes[start...].starts(with: Array("{\\rtf".utf8)) else {
            throw IngestError.malformed(path: path, reason: "RTF does not start with {\\rtf")
        }
        var codePage = 1252
        var stack: [GroupState] = []
        var state = GroupState()
        var blocks: [RawBlock] = []
        var lines: [RawLine] = []
        var line = String.UnicodeScalarView()
        var pendingBytes: [UInt8] = []
        var pendingSurrogate: UInt32?
        var kind: TextBlock.Kind = .paragraph
        var fallbackToSkip = 0
        var textBytes = 0, lineBytes = 0
        var destinationStart = false  // just after "{": the next control word may name a destination
        var looks: [ParagraphLook] = []
        var look = ParagraphLook(fontSize: nil, bold: true, length: 0)
        var charactersBySize: [Int: Int] = [:]

        func flushBytes() {
            guard !pendingBytes.isEmpty else { return }
            let text = RTFExtractor.decode(pendingBytes, codePage: codePage)
            pendingBytes = []
            append(text)
        }
        func emit(_ text: String) {
            flushBytes()
            append(text)
        }
        func append(_ text: String) {
            line.append(contentsOf: text.unicodeScalars)
            lineBytes += text.utf8.count
            let visible = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            guard visible > 0 else { return }
            look.fontSize = min(look.fontSize ?? .max, state.fontSize)
            look.bold = look.bold && state.bold
            look.length += visible
            charactersBySize[state.fontSize, default: 0] += visible
        }
        func endLine() throws {
            flushBytes()
            let text = String(line)
            line = String.UnicodeScalarView()
            lineBytes = 0
            guard !text.allSatisfy(\.isWhitespace) else { return }
            textBytes += text.utf8.count
            lines.append(RawLine(text, breakBefore: lines.isEmpty ? .unknown : .hard))
        }
        func endParagraph() throws {
            try endLine()
            if !lines.isEmpty {
                blocks.append(RawBlock(kind: kind, lines: lines))
                if case .paragraph = kind { looks.append(look) } else { looks.append(ParagraphLook(fontSize: nil, bold: false, length: 0)) }
            }
            lines = []
            look = ParagraphLook(fontSize: nil, bold: true, length: 0)
        }
        /// A character in the body; `\uN` fallbacks are counted off here.
        func character(_ make: () -> Void) {
            if fallbackToSkip > 0 { fallbackToSkip -= 1; return }
            if !state.skip { make() }
        }

        var i = start
        while i < n {
            if textBytes + lineBytes > limits.maxTextBytes {
                throw IngestError.tooMuchText(path: path, what: "the RTF's text", limit: limits.maxTextBytes)
            }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "{"):
                if stack.count >= RTFExtractor.maxDepth {
                    throw IngestError.malformed(path: path, reason: "RTF groups nested deeper than \(RTFExtractor.maxDepth)")
                }
                stack.append(state)
                fallbackToSkip = 0
                destinationStart = true
                i += 1
                continue
            case UInt8(ascii: "}"):
                state = stack.removeLast()  // never empty: the document group's "}" returns below
                fallbackToSkip = 0
                i += 1
                if stack.isEmpty {
                    // The document group is closed; writers may append NULs or newlines after it.
                    try endParagraph()
                    return RTFExtractor.headingsByLook(blocks, looks: looks, charactersBySize: charactersBySize)
                }
            case UInt8(ascii: "\\"):
                i += 1
                guard i < n else { throw IngestError.malformed(path: path, reason: "RTF ends inside a control word") }
                let d = bytes[i]
                if RTFExtractor.isLetter(d) {
                    var j = i
                    while j < n, RTFExtractor.isLetter(bytes[j]), j - i < 32 { j += 1 }
                    let word = String(decoding: bytes[i..<j], as: UTF8.self)
                    var k = j
                    var negative = false
                    if k < n, bytes[k] == UInt8(ascii: "-") { negative = true; k += 1 }
                    let digitsStart = k
                    while k < n, bytes[k] >= 0x30, bytes[k] <= 0x39, k - digitsStart < 10 { k += 1 }
                    var parameter: Int?
                    if k > digitsStart {
                        parameter = Int(String(decoding: bytes[digitsStart..<k], as: UTF8.self)).map { negative ? -$0 : $0 }
                    } else if negative {
                        k -= 1
                    }
                    if k < n, bytes[k] == 0x20 { k += 1 }
                    i = k
                    let atDestination = destinationStart
                    destinationStart = false
                    if atDestination && RTFExtractor.skippedDestinations.contains(word) { state.skip = true; continue }
                    switch word {
                    case "ansicpg": codePage = parameter ?? 1252
                    case "fs": state.fontSize = max(1, parameter ?? 24)
                    case "b": state.bold = (parameter ?? 1) != 0
                    case "plain": state.fontSize = 24; state.bold = false
                    case "uc": state.unicodeSkip = max(0, min(parameter ?? 1, 16))
                    case "u":
                        guard var value = parameter else { break }
                        if value < 0 { value += 65536 }
                        character {
                            let v = UInt32(clamping: value)
                            if (0xD800...0xDBFF).contains(v) { pendingSurrogate = v; return }
                            var scalarValue = v
                            if let high = pendingSurrogate, (0xDC00...0xDFFF).contains(v) {
                                scalarValue = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)
                            }
                            pendingSurrogate = nil
                            emit(Unicode.Scalar(scalarValue).map { String(Character($0)) } ?? "\u{FFFD}")
                        }
                        fallbackToSkip = state.unicodeSkip
                    case "bin":
                        // Raw bytes follow; never text.
                        i = min(n, i + max(0, parameter ?? 0))
                    case "line":
                        if !state.skip { try endLine() }
                    case "pard":
                        if !state.skip { kind = .paragraph }
                    case "outlinelevel":
                        if !state.skip, let level = parameter, (0...8).contains(level) { kind = .heading(level: min(level + 1, 6)) }
                    case "ls", "ilvl", "listtext", "pntext":
                        if !state.skip, case .paragraph = kind { kind = .listItem }
                    default:
                        if RTFExtractor.paragraphBreaks.contains(word) {
                            if !state.skip { try endParagraph() }
                        } else if let symbol = RTFExtractor.symbols[word] {
                            character { emit(symbol) }
                        }
                    }
                    continue
                }
                destinationStart = destinationStart && d == UInt8(ascii: "*")
                i += 1
                switch d {
                case UInt8(ascii: "*"):
                    state.skip = true  // an optional destination we do not know: skipped
                    continue
                case UInt8(ascii: "'"):
                    guard i + 1 < n, let byte = UInt8(String(decoding: bytes[i..<(i + 2)], as: UTF8.self), radix: 16) else {
                        throw IngestError.malformed(path: path, reason: "RTF \\' escape without two hex digits at byte \(i - 2)")
                    }
                    i += 2
                    character { pendingBytes.append(byte) }
                case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    character { emit(String(Character(Unicode.Scalar(d)))) }
                case UInt8(ascii: "~"):
                    character { emit("\u{A0}") }
                case UInt8(ascii: "_"):
                    character { emit("\u{2011}") }
                case UInt8(ascii: "-"):
                    break  // an optional hyphen
                case 0x0A, 0x0D:
                    if !state.skip { try endParagraph() }
                default:
                    break  // \: \| and unknown symbols
                }
                continue
            case 0x0A, 0x0D:
                i += 1
                continue
            case 0x09:
                character { emit(" ") }
                i += 1
            default:
                if c < 0x20 {
                    i += 1
                    continue
                }
                if c >= 0x80 || state.skip || fallbackToSkip > 0 {
                    character { pendingBytes.append(c) }
                    i += 1
                } else {
                    // A run of plain ASCII text in one append.
                    var j = i
                    while j < n, bytes[j] >= 0x20, bytes[j] < 0x80, bytes[j] != UInt8(ascii: "\\"),
                          bytes[j] != UInt8(ascii: "{"), bytes[j] != UInt8(ascii: "}") { j += 1 }
                    emit(String(decoding: bytes[i..<j], as: UTF8.self))
                    i = j
                }
            }
            destinationStart = false
        }
        throw IngestError.malformed(path: path, reason: "unbalanced RTF: \(stack.count) group(s) not closed at the end")
    }

    /// Short paragraphs wholly in type bigger than the body's as headings, the biggest type level 1;
    /// short, wholly bold ones at body size one level below those.
    private static func headingsByLook(_ blocks: [RawBlock], looks: [ParagraphLook], charactersBySize: [Int: Int]) -> [RawBlock] {
        guard let body = charactersBySize.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return blocks }
        let bigger = Set(looks.compactMap(\.fontSize).filter { $0 > body }).sorted(by: >).prefix(5)
        var result = blocks
        for (index, look) in looks.enumerated() where look.length > 0 && look.length <= 120 {
            guard let size = look.fontSize else { continue }
            let text = blocks[index].lines.map(\.text).joined(separator: " ").trimmingWhitespace()
            if text.hasSuffix(".") || text.hasSuffix(":") || text.hasSuffix(";") || text.hasSuffix(",") { continue }
            if let rank = bigger.firstIndex(of: size) {
                result[index].kind = .heading(level: rank + 1)
            } else if size == body && look.bold {
                result[index].kind = .heading(level: min(bigger.count + 1, 6))
            }
        }
        return result
    }

    static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// Bytes in a Windows code page (`\ansicpg`); 1252 when Foundation does not know the page.
    static func decode(_ bytes: [UInt8], codePage: Int) -> String {
        let encoding: String.Encoding?
        switch codePage {
        case 65001: encoding = .utf8
        case 1250: encoding = .windowsCP1250
        case 1251: encoding = .windowsCP1251
        case 1253: encoding = .windowsCP1253
        case 1254: encoding = .windowsCP1254
        case 28591: encoding = .isoLatin1
        default: encoding = nil
        }
        if let encoding, let text = String(bytes: bytes, encoding: encoding) { return text }
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Windows1252.scalar(for: b)) }
        return String(scalars)
    }
}
