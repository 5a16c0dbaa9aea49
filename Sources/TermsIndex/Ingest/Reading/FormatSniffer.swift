import Foundation

/// Decides a file's format from its bytes; the file extension is only a hint.
public enum FormatSniffer {
    /// The format of `data`, or nil when it is binary or an unsupported format.
    public static func sniff(_ data: Data, fileExtension: String) -> DocumentFormat? {
        let ext = fileExtension.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let head = [UInt8](data.prefix(1024))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // ODF stores its mimetype first and uncompressed, so it is in the first bytes.
            if contains(data.prefix(128), Array("application/vnd.oasis.opendocument.text".utf8)) { return .odt }
            return contains(data, Array("word/document.xml".utf8)) ? .docx : nil
        }
        if head.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if looksBinary(data) { return nil }
        let sample = TextDecoder.decode(data.prefix(64 * 1024)).text
        let start = sample.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(512).lowercased()
        if let template = template(sample, start: start, ext: ext) { return template }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return .html }
        if ext == "html" || ext == "htm" || ext == "xhtml" {
            return start.contains("<") ? .html : .text
        }
        if ext == "md" || ext == "markdown" { return .markdown }
        if start.hasPrefix("<?xml") && sample.lowercased().contains("<html") { return .html }
        if hasMarkdownHeadings(sample) { return .markdown }
        return .text
    }

    /// The template format of a web page source, from its extension or, for text and HTML, from
    /// syntax no rendered page has; nil when it is not a template.
    static func template(_ sample: String, start: String, ext: String) -> DocumentFormat? {
        switch ext {
        case "tsx", "jsx": return .jsx
        case "vue": return .vue
        case "blade", "blade.php", "blade.html": return .blade
        case "php", "phtml": return hasBladeSyntax(sample) ? .blade : .php
        case "html", "htm", "txt", "": break
        default: return nil
        }
        if hasBladeSyntax(sample) { return .blade }
        if start.hasPrefix("<?php") { return .php }
        let code = start.hasPrefix("import ") || start.hasPrefix("export ") || start.hasPrefix("\"use client\"") || start.hasPrefix("'use client'")
        if code && sample.contains("return (") && (sample.contains("className=") || sample.contains("</")) { return .jsx }
        return nil
    }

    /// Blade's layout and section directives or its comments and raw echoes.
    static func hasBladeSyntax(_ sample: String) -> Bool {
        // On the bytes: seven String.contains over 64 KB cost more than reading the rest of the file.
        let bytes = Data(sample.utf8)
        return ["@extends(", "@layout(", "@section(", "@yield(", "@endsection", "{{--", "{!!"].contains { contains(bytes, Array($0.utf8)) }
    }

    /// NULs (outside UTF-16) or many control characters mean the bytes are not text.
    static func looksBinary(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(1 << 20))
        if bytes.isEmpty { return false }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || TextDecoder.guessUTF16(bytes) != nil {
            return false
        }
        var nul = 0, control = 0
        for b in bytes {
            if b == 0 { nul += 1 } else if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C) || b == 0x7F { control += 1 }
        }
        if nul > 0 { return true }
        return control * 100 > bytes.count * 2
    }

    static func hasMarkdownHeadings(_ text: String) -> Bool {
        var headings = 0
        for line in text.splitLines(omittingEmptySubsequences: true).prefix(2000) {
            var hashes = 0
            for c in line { if c == "#" { hashes += 1 } else { break } }
            if hashes >= 1 && hashes <= 6 && line.dropFirst(hashes).first == " " { headings += 1 }
            if headings >= 2 { return true }
        }
        return false
    }

    static func contains(_ data: Data, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, data.count >= needle.count else { return false }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let end = bytes.count - needle.count
            while i <= end {
                if bytes[i] == first {
                    var k = 1
                    while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
