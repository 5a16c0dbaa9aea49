import Foundation

/// Decides a file's format from its bytes; the file extension is only a hint.
public enum FormatSniffer {
    /// The format of `data`, or nil when it is binary or an unsupported format.
    public static func sniff(_ data: Data, fileExtension: String) -> DocumentFormat? {
        let ext = fileExtension.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let head = [UInt8](data.prefix(1024))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return contains(data, Array("word/document.xml".utf8)) ? .docx : nil
        }
        if looksBinary(data) { return nil }
        let sample = TextDecoder.decode(data.prefix(64 * 1024)).text
        let start = sample.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(512).lowercased()
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return .html }
        if ext == "html" || ext == "htm" || ext == "xhtml" {
            return start.contains("<") ? .html : .text
        }
        if ext == "md" || ext == "markdown" { return .markdown }
        if start.hasPrefix("<?xml") && sample.lowercased().contains("<html") { return .html }
        if hasMarkdownHeadings(sample) { return .markdown }
        return .text
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
