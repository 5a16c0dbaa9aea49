import Foundation

/// A forgiving tokenizer for HTML and WordprocessingML: tags, text and nothing else.
/// It never builds a tree and never recurses, so nesting depth costs nothing; malformed markup
/// degrades into text.
struct MarkupTokenizer {
    enum Token {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// Elements whose content is raw text up to their end tag.
    let rawTextElements: Set<String>

    func tokenize(_ input: String) -> [Token] {
        let s = Array(input.unicodeScalars)
        var tokens: [Token] = []
        var text = String.UnicodeScalarView()
        func flushText() {
            if !text.isEmpty { tokens.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            guard c == "<", i + 1 < n else { text.append(c); i += 1; continue }
            let next = s[i + 1]
            if next == "!" || next == "?" {
                flushText()
                if i + 3 < n && s[i + 2] == "-" && s[i + 3] == "-" {
                    i = find(s, "-->", from: i + 4).map { $0 + 3 } ?? n
                } else if let cdata = matchCDATA(s, at: i) {
                    text.append(contentsOf: cdata.0)
                    i = cdata.1
                } else {
                    i = (find(s, ">", from: i + 2) ?? n - 1) + 1
                }
                continue
            }
            let isEnd = next == "/"
            let nameStart = isEnd ? i + 2 : i + 1
            guard nameStart < n, s[nameStart].properties.isAlphabetic else { text.append(c); i += 1; continue }
            // Tag name.
            var j = nameStart
            var name = String.UnicodeScalarView()
            while j < n, !isSpace(s[j]), s[j] != ">", s[j] != "/" { name.append(s[j]); j += 1 }
            // Attributes up to '>' (quotes may hide '>').
            var attributes: [String: String] = [:]
            var selfClosing = false
            while j < n && s[j] != ">" {
                if isSpace(s[j]) { j += 1; continue }
                if s[j] == "/" { selfClosing = true; j += 1; continue }
                selfClosing = false
                var attrName = String.UnicodeScalarView()
                while j < n, !isSpace(s[j]), s[j] != "=", s[j] != ">", s[j] != "/" { attrName.append(s[j]); j += 1 }
                if attrName.isEmpty { j += 1; continue }
                while j < n && isSpace(s[j]) { j += 1 }
                var value = String.UnicodeScalarView()
                if j < n && s[j] == "=" {
                    j += 1
                    while j < n && isSpace(s[j]) { j += 1 }
                    if j < n && (s[j] == "\"" || s[j] == "'") {
                        let quote = s[j]
                        j += 1
                        while j < n && s[j] != quote { value.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < n, !isSpace(s[j]), s[j] != ">" { value.append(s[j]); j += 1 }
                    }
                }
                attributes[String(attrName).lowercased()] = Entities.decode(String(value))
            }
            flushText()
            let tagName = String(name).lowercased()
            i = min(j + 1, n)
            if isEnd {
                tokens.append(.end(name: tagName))
            } else {
                tokens.append(.start(name: tagName, attributes: attributes, selfClosing: selfClosing))
                if rawTextElements.contains(tagName) && !selfClosing {
                    let close = Array("</\(tagName)".unicodeScalars)
                    let endIndex = findCaseInsensitive(s, close, from: i) ?? n
                    if tagName == "title" || tagName == "textarea" {
                        tokens.append(.text(String(String.UnicodeScalarView(s[i..<endIndex]))))
                    }
                    i = endIndex
                }
            }
        }
        flushText()
        return tokens
    }

    private func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}"
    }

    private func matchCDATA(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        let open = Array("<![CDATA[".unicodeScalars)
        guard i + open.count <= s.count, Array(s[i..<(i + open.count)]) == open else { return nil }
        let start = i + open.count
        let end = find(s, "]]>", from: start) ?? s.count
        return (Array(s[start..<end]), min(end + 3, s.count))
    }

    private func find(_ s: [Unicode.Scalar], _ needle: String, from: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        return findCaseInsensitive(s, pattern, from: from)
    }

    /// First index of `pattern` (ASCII, compared case-insensitively) at or after `from`.
    private func findCaseInsensitive(_ s: [Unicode.Scalar], _ pattern: [Unicode.Scalar], from: Int) -> Int? {
        guard !pattern.isEmpty, from < s.count else { return nil }
        let lowered = pattern.map { lower($0) }
        var i = from
        while i + lowered.count <= s.count {
            if lower(s[i]) == lowered[0] {
                var k = 1
                while k < lowered.count && lower(s[i + k]) == lowered[k] { k += 1 }
                if k == lowered.count { return i }
            }
            i += 1
        }
        return nil
    }

    private func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 0x41 && c.value <= 0x5A) ? Unicode.Scalar(c.value + 32)! : c
    }
}

/// HTML and XML character references.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "euro": "€", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "laquo": "«",
        "raquo": "»", "bull": "•", "middot": "·", "sect": "§", "para": "¶", "deg": "°", "times": "×",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à", "acirc": "â",
        "auml": "ä", "iacute": "í", "igrave": "ì", "icirc": "î", "iuml": "ï", "oacute": "ó", "ograve": "ò",
        "ocirc": "ô", "ouml": "ö", "uacute": "ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "ccedil": "ç",
        "ntilde": "ñ", "szlig": "ß", "Eacute": "É", "Euml": "Ë", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä",
        "Iuml": "Ï", "aring": "å", "oslash": "ø", "zwj": "\u{200D}", "zwnj": "\u{200C}", "ensp": " ",
        "emsp": " ", "thinsp": " ", "lrm": "", "rlm": "",
    ]

    static func decode(_ text: String) -> String {
        // The byte test first: the character test (an "&" with no combining mark) walks graphemes.
        guard text.containsByte(UInt8(ascii: "&")), text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
            var j = i + 1
            var body = String.UnicodeScalarView()
            while j < s.count && j - i <= 32 && s[j] != ";" && (s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#") {
                body.append(s[j]); j += 1
            }
            let name = String(body)
            let terminated = j < s.count && s[j] == ";"
            var replacement: String?
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.first == "x" || digits.first == "X"
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                if let v = value {
                    // Numeric references to 0x80–0x9F mean Windows-1252, as browsers read them.
                    if v >= 0x80 && v <= 0x9F { replacement = String(Character(Windows1252.scalar(for: UInt8(v)))) }
                    else if v != 0, let scalar = Unicode.Scalar(v) { replacement = String(Character(scalar)) }
                    else { replacement = "\u{FFFD}" }
                }
            } else if !name.isEmpty {
                replacement = named[name] ?? named[name.lowercased()]
            }
            if let r = replacement, !name.isEmpty {
                out.append(contentsOf: r.unicodeScalars)
                i = terminated ? j + 1 : j
            } else {
                out.append("&")
                i += 1
            }
        }
        return String(out)
    }
}
