import Foundation

/// The visible text of a web page template (React TSX/JSX, Vue, Laravel Blade, PHP): the template
/// syntax is taken out and the markup that is left goes through `HTMLExtractor`, so headings,
/// paragraphs and list items come out as they do from the rendered page.
///
/// Code, `{expressions}`, `{{ echoes }}`, directives and `<?php ?>` blocks are dropped; a lone
/// string literal (`{"tekst"}`, `{{ __('tekst') }}`) is text a visitor sees, so it is kept.
struct TemplateExtractor {
    /// How the template mixes code into its markup.
    enum Dialect {
        /// JSX in JavaScript or TypeScript: markup is an expression inside code.
        case jsx
        /// A Vue single-file component: `<template>` with `{{ }}` echoes beside `<script>`.
        case vue
        /// Blade or plain PHP: markup with `@directives`, `{{ }}` / `{!! !!}` echoes and `<?php ?>`.
        case server
    }

    /// Deeper nesting of code inside markup inside code is dropped, not followed.
    static let maxDepth = 64

    let dialect: Dialect

    /// Attributes the HTML reader uses: `id`/`class` mark cookie banners, `start`/`value` number lists.
    static let keptAttributes: Set<String> = ["id", "class", "start", "value"]

    /// Headings, paragraphs and list items of the template's markup, with its first heading as title.
    func extract(_ source: String) -> HTMLExtractor.Result {
        var html = HTMLExtractor()
        html.numbersOrderedLists = true
        html.boldParagraphsAsHeadings = true
        return html.extract(markup(source))
    }

    /// The template as HTML without its template syntax; the page title it declares in code
    /// (Next.js `metadata`, Blade's `@section('title', ...)`) as `<title>`.
    func markup(_ source: String) -> String {
        var scanner = Scanner(s: Array(source.unicodeScalars))
        if let title = pageTitle(source) {
            scanner.out.append(contentsOf: "<title>".unicodeScalars)
            scanner.emitText(title)
            scanner.out.append(contentsOf: "</title>".unicodeScalars)
        }
        switch dialect {
        case .jsx: _ = scanner.code(from: 0, closing: false, depth: 0)
        case .vue: scanner.serverMarkup(directives: false)
        case .server: scanner.serverMarkup(directives: true)
        }
        return String(scanner.out)
    }

    static let titlePatterns: [Dialect: NSRegularExpression] = [
        .jsx: try! NSRegularExpression(pattern: #"\bconst\s+metadata\b[^=]*=\s*\{[^{}]*?\btitle\s*:\s*(["'`])(.*?)\1"#),
        .server: try! NSRegularExpression(pattern: #"@section\(\s*['"]title['"]\s*,\s*(['"])(.*?)\1\s*\)"#),
    ]

    /// The page title the template's code declares, if any.
    func pageTitle(_ source: String) -> String? {
        guard let pattern = TemplateExtractor.titlePatterns[dialect] else { return nil }
        let head = String(source.prefix(16_384))
        guard let match = pattern.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
              let range = Range(match.range(at: 2), in: head) else { return nil }
        let title = head[range].trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }

    /// The text of `expression` when it is one string literal, bare or in a translation call
    /// (`"x"`, `'x'`, `` `x` ``, `t('x')`, `__('x')`, `trans('x')`, `$t('x')`); nil for anything else.
    static func literalText(_ expression: some StringProtocol) -> String? {
        var e = Substring(expression).trimmingCharacters(in: .whitespacesAndNewlines)[...]
        for call in ["__(", "t(", "$t(", "trans(", "i18n.t(", "@lang("] where e.hasPrefix(call) && e.hasSuffix(")") {
            e = e.dropFirst(call.count).dropLast().trimmingCharacters(in: .whitespacesAndNewlines)[...]
            break
        }
        guard let quote = e.first, quote == "\"" || quote == "'" || quote == "`", e.count >= 2, e.last == quote else { return nil }
        var text = ""
        var escaped = false
        for c in e.dropFirst().dropLast() {
            if escaped {
                text.append(c == "n" ? " " : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == quote {
                return nil  // two literals ("a" + "b"): an expression
            } else {
                text.append(c)
            }
        }
        if quote == "`" && text.contains("${") { return nil }
        return text
    }

    /// One pass over the template's scalars, writing the markup it keeps to `out`.
    private struct Scanner {
        let s: [Unicode.Scalar]
        var out = String.UnicodeScalarView()

        init(s: [Unicode.Scalar]) { self.s = s }

        var n: Int { s.count }

        func at(_ i: Int, _ text: String) -> Bool {
            var k = i
            for c in text.unicodeScalars {
                guard k < n, s[k] == c else { return false }
                k += 1
            }
            return true
        }

        /// Index just past the next `end` at or after `i`, or the end of the input.
        func skip(past end: String, from i: Int) -> Int {
            var k = i
            while k < n {
                if at(k, end) { return k + end.unicodeScalars.count }
                k += 1
            }
            return n
        }

        /// Index just past the string literal whose opening quote is at `i`.
        func skipString(_ i: Int) -> Int {
            let quote = s[i]
            var k = i + 1
            while k < n {
                if s[k] == "\\" { k += 2; continue }
                if s[k] == quote { return k + 1 }
                if s[k] == "\n" && quote != "`" { return k + 1 }  // an unterminated literal ends with its line
                k += 1
            }
            return n
        }

        static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "$"
        }

        mutating func emitText(_ text: String) {
            for c in text.unicodeScalars {
                switch c {
                case "&": out.append(contentsOf: "&amp;".unicodeScalars)
                case "<": out.append(contentsOf: "&lt;".unicodeScalars)
                default: out.append(c)
                }
            }
        }

        // MARK: JSX

        /// Scans JavaScript from `i`, writing the JSX elements in it; with `closing`, stops just
        /// past the `}` that closes the expression it is in. Returns where it stopped.
        mutating func code(from start: Int, closing: Bool, depth: Int) -> Int {
            var i = start
            var braces = 0
            var previous: Unicode.Scalar? = nil
            var word = ""
            while i < n {
                let c = s[i]
                if c == "/" && i + 1 < n && s[i + 1] == "/" { i = skip(past: "\n", from: i); continue }
                if c == "/" && i + 1 < n && s[i + 1] == "*" { i = skip(past: "*/", from: i + 2); continue }
                if c == "\"" || c == "'" || c == "`" { i = skipString(i); previous = "\""; word = ""; continue }
                if c == "{" { braces += 1 }
                if c == "}" {
                    if braces == 0 && closing { return i + 1 }
                    braces = max(0, braces - 1)
                }
                if c == "<" && depth < TemplateExtractor.maxDepth && startsElement(at: i, after: previous, word: word),
                   let end = element(from: i, depth: depth + 1) {
                    i = end
                    previous = ")"
                    word = ""
                    continue
                }
                if Scanner.isIdentifier(c) {
                    if let p = previous, Scanner.isIdentifier(p) { word.unicodeScalars.append(c) } else { word = String(c) }
                } else if !c.properties.isWhitespace {
                    word = ""
                }
                if !c.properties.isWhitespace { previous = c }
                i += 1
            }
            return n
        }

        /// A `<` where an expression may begin (after `(`, `=`, `return`, ...) and before a tag name or `>`.
        func startsElement(at i: Int, after previous: Unicode.Scalar?, word: String) -> Bool {
            guard i + 1 < n, s[i + 1].properties.isAlphabetic || s[i + 1] == ">" else { return false }
            if let p = previous, Scanner.isIdentifier(p) { return ["return", "yield", "default"].contains(word) }
            guard let p = previous else { return true }
            return "(,=?:{[!&|;>}".unicodeScalars.contains(p)
        }

        /// Writes the JSX element starting at `i` (tags as HTML, children's text, nested
        /// expressions' JSX) and returns the index past it; nil when it is not an element after all
        /// (a TypeScript generic such as `<T,>`).
        mutating func element(from start: Int, depth: Int) -> Int? {
            var open: [String] = []
            var i = start
            let mark = out
            repeat {
                // s[i] == "<"
                if i + 1 < n && s[i + 1] == "/" {
                    var k = i + 2
                    var name = ""
                    while k < n && s[k] != ">" { if !s[k].properties.isWhitespace { name.unicodeScalars.append(s[k]) }; k += 1 }
                    if let index = open.lastIndex(of: name) {
                        for closed in open[index...].reversed() where Scanner.isMarkup(closed) {
                            out.append(contentsOf: "</\(closed.lowercased())>".unicodeScalars)
                        }
                        open.removeSubrange(index...)
                    }
                    i = min(k + 1, n)
                } else if let (name, attributes, selfClosing, end) = openTag(from: i) {
                    if Scanner.isMarkup(name) {
                        let tag = name.lowercased()
                        out.append(contentsOf: "<\(tag)\(attributes)>".unicodeScalars)
                        if selfClosing && !HTMLExtractor.void.contains(tag) { out.append(contentsOf: "</\(tag)>".unicodeScalars) }
                    }
                    if !selfClosing { open.append(name) }
                    i = end
                } else if open.isEmpty {
                    out = mark
                    return nil
                } else {
                    // Only the first tag decides whether this is JSX; a bad one inside is text,
                    // so no input is scanned twice.
                    out.append(contentsOf: "&lt;".unicodeScalars)
                    i += 1
                }
                if open.isEmpty { return i }
                // Children up to the next tag.
                while i < n {
                    let c = s[i]
                    if c == "<" && i + 1 < n && (s[i + 1] == "/" || s[i + 1] == ">" || s[i + 1].properties.isAlphabetic) { break }
                    if c == "{" {
                        let end = code(from: i + 1, closing: true, depth: depth)
                        let inner = String(String.UnicodeScalarView(s[(i + 1)..<max(i + 1, end - 1)]))
                        if let text = TemplateExtractor.literalText(inner) { emitText(text) }
                        i = end
                        continue
                    }
                    out.append(c)
                    i += 1
                }
            } while i < n
            return n
        }

        /// Lower-case names are HTML elements; components (`<Link>`, `<motion.div>`) and fragments are not.
        static func isMarkup(_ name: String) -> Bool {
            guard let first = name.unicodeScalars.first else { return false }
            return ("a"..."z").contains(first) && !name.contains(".")
        }

        /// The tag at `i`: its name, the attributes in `keptAttributes` as HTML,
        /// whether it closes itself, and the index past its `>`.
        mutating func openTag(from start: Int) -> (String, String, Bool, Int)? {
            var k = start + 1
            var name = ""
            while k < n, Scanner.isIdentifier(s[k]) || s[k] == "." || s[k] == "-" || s[k] == ":" {
                name.unicodeScalars.append(s[k]); k += 1
            }
            if k < n && s[k] == "," { return nil }  // <T,>(x: T) => ...
            if name.isEmpty && !(k < n && s[k] == ">") { return nil }
            var kept = ""
            var selfClosing = false
            while k < n && s[k] != ">" {
                let c = s[k]
                if c.properties.isWhitespace { k += 1; continue }
                if c == "/" { selfClosing = true; k += 1; continue }
                selfClosing = false
                if c == "{" {  // {...props}
                    let mark = out
                    k = code(from: k + 1, closing: true, depth: TemplateExtractor.maxDepth)
                    out = mark
                    continue
                }
                var attribute = ""
                while k < n, !s[k].properties.isWhitespace, s[k] != "=", s[k] != ">", s[k] != "/" { attribute.unicodeScalars.append(s[k]); k += 1 }
                if attribute.isEmpty { k += 1; continue }
                guard k < n && s[k] == "=" else { continue }
                k += 1
                var value: String?
                if k < n && (s[k] == "\"" || s[k] == "'") {
                    let end = skipString(k)
                    value = String(String.UnicodeScalarView(s[(k + 1)..<max(k + 1, end - 1)]))
                    k = end
                } else if k < n && s[k] == "{" {
                    let mark = out
                    let end = code(from: k + 1, closing: true, depth: TemplateExtractor.maxDepth)
                    out = mark
                    value = TemplateExtractor.literalText(String(String.UnicodeScalarView(s[(k + 1)..<max(k + 1, end - 1)])))
                    k = end
                }
                let key = attribute == "className" ? "class" : attribute.lowercased()
                if let value, TemplateExtractor.keptAttributes.contains(key) {
                    kept += " \(key)=\"\(value.replacingOccurrences(of: "\"", with: ""))\""
                }
            }
            return (name, kept, selfClosing, min(k + 1, n))
        }

        // MARK: Blade, PHP, Vue

        /// Copies the markup, dropping `<?php ?>`, `{{ }}`, `{!! !!}`, `{{-- --}}`, Vue's
        /// `<template>` wrappers and, with `directives`, Blade's `@directives(...)`.
        mutating func serverMarkup(directives: Bool) {
            var i = 0
            while i < n {
                let c = s[i]
                if c == "<" && at(i, "<?") && !at(i, "<?xml") { i = skip(past: "?>", from: i + 2); continue }
                if c == "<" && (at(i, "<template") || at(i, "</template")) { i = skip(past: ">", from: i); continue }
                if c == "{" && at(i, "{{--") { i = skip(past: "--}}", from: i + 4); continue }
                if c == "{" && at(i, "{!!") { i = skip(past: "!!}", from: i + 3); continue }
                if c == "{" && at(i, "{{") {
                    let end = skip(past: "}}", from: i + 2)
                    let inner = String(String.UnicodeScalarView(s[(i + 2)..<max(i + 2, end - 2)]))
                    if let text = TemplateExtractor.literalText(inner) { emitText(text) }
                    i = end
                    continue
                }
                if c == "@" && directives, let end = directive(at: i) { i = end; continue }
                out.append(c)
                i += 1
            }
        }

        /// Blade directives that take no arguments.
        static let bareDirectives: Set<String> = [
            "else", "endif", "endforeach", "endfor", "endforelse", "endwhile", "endsection", "endpush", "endprepend",
            "endunless", "endisset", "endempty", "endauth", "endguest", "endswitch", "endcomponent", "endslot",
            "endcan", "endcannot", "endenv", "endproduction", "endonce", "endverbatim", "verbatim", "csrf", "show",
            "stop", "append", "overwrite", "parent", "break", "continue", "default", "empty", "once", "auth",
            "guest", "production", "endphp", "endfragment", "endsession", "enderror",
        ]

        /// The index past the Blade directive at `i` (`@if($x)`, `@endif`, `@php ... @endphp`,
        /// `@{{ ... }}`), or nil when the `@` is text (an e-mail address, a handle).
        func directive(at i: Int) -> Int? {
            if at(i, "@{{") { return skip(past: "}}", from: i + 3) }
            if i > 0, Scanner.isIdentifier(s[i - 1]) || s[i - 1] == "." || s[i - 1] == "-" { return nil }
            var k = i + 1
            var name = ""
            while k < n, s[k].properties.isAlphabetic { name.unicodeScalars.append(s[k]); k += 1 }
            guard !name.isEmpty else { return nil }
            var p = k
            while p < n && (s[p] == " " || s[p] == "\t") { p += 1 }
            if p < n && s[p] == "(" {
                var level = 0
                while p < n {
                    if s[p] == "\"" || s[p] == "'" { p = skipString(p); continue }
                    if s[p] == "(" { level += 1 }
                    if s[p] == ")" { level -= 1; if level == 0 { return p + 1 } }
                    p += 1
                }
                return n
            }
            if name == "php" { return skip(past: "@endphp", from: k) }
            return Scanner.bareDirectives.contains(name) ? k : nil
        }
    }
}
