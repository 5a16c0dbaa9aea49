import Foundation

/// Undoes the glyph damage of fonts whose ligatures map to the wrong characters.
///
/// Some PDFs (Word with Calibri, certain print drivers) draw `ti`, `tt`, `ft`, `fi` as one
/// ligature glyph whose Unicode mapping is wrong, so pdftotext gives `AutomaTsche`,
/// `sFlzwijgend`, `verplichTngen` or `informaƟe` for automatische, stilzwijgend, verplichtingen,
/// informatie: words nobody can find. A capital letter alone inside a lower-case word is put back
/// to the ligature's letters when that gives a word the document itself uses elsewhere, or the
/// repairer's vocabulary or the system's Dutch word list knows, or two such words joined (`nalatigheids` + `interesten`); brand names
/// (`PayPal`, `iPhone`, `TomTom`) give no known word and stay as they are. U+019F `Ɵ`, Calibri's
/// `ti`, is never a letter of Dutch or English and is always replaced.
struct GlyphRepair {
    /// The letters a damaged ligature glyph may stand for, most common first.
    static let ligatureLetters = ["ti", "tt", "ft", "fi", "fl", "ff", "tf", "ffi", "ffl"]
    /// Code points that fonts use for a ligature and that are not letters of Dutch or English text.
    static let misMappedGlyphs: [Character: String] = ["Ɵ": "ti"]

    /// Whether a lower-cased word is in the dictionary (vocabulary or system word list).
    let isDictionaryWord: (String) -> Bool
    /// Whether a lower-cased word is known: the dictionary's or one the document uses.
    let isKnown: (String) -> Bool

    init(documentWords: [String: Int], isDictionaryWord: @escaping (String) -> Bool) {
        self.isDictionaryWord = isDictionaryWord
        self.isKnown = { documentWords[$0] != nil || isDictionaryWord($0) }
    }
    /// Also repair a capital that starts an unknown word (`Fjd` for tijd). Only safe once the
    /// document has shown damage inside words: a capital starts most names and sentences.
    var initialCapitals = false

    /// `line` with damaged words repaired.
    func repair(_ line: String, log: inout RepairLog) -> String {
        let scan = Self.scan(line)
        guard scan.misMappedGlyph || scan.innerCapital || initialCapitals else { return line }
        var text = line
        if scan.misMappedGlyph {
            for (glyph, letters) in Self.misMappedGlyphs where text.contains(glyph) {
                log.note(.glyph, "\(glyph) → \(letters)", count: text.filter { $0 == glyph }.count)
                text = text.replacingOccurrences(of: String(glyph), with: letters)
            }
        }
        guard scan.innerCapital || initialCapitals else { return text }
        var result = ""
        var word = ""
        func flush() {
            if !word.isEmpty { result += repairWord(word, log: &log) }
            word = ""
        }
        for c in text {
            if c.isLetter { word.append(c) } else { flush(); result.append(c) }
        }
        flush()
        return result
    }

    /// The word with its damaged capitals spelled out, or the word itself.
    private func repairWord(_ word: String, log: inout RepairLog) -> String {
        let letters = Array(word)
        if initialCapitals, letters.count >= 2, letters[0].isUppercase, letters.dropFirst().allSatisfy(\.isLowercase) {
            let tail = String(letters.dropFirst())
            // The document's own words include the damaged ones: only the dictionary can say
            // that a capitalised word is a word.
            guard !isDictionaryWord(word.lowercased()) else { return word }
            for spelled in Self.ligatureLetters where isKnown(spelled + tail) {
                log.note(.glyph, "\(word) → \(spelled + tail)")
                return spelled + tail
            }
            return word
        }
        guard letters.count >= 4 else { return word }
        // Inner capitals, each after a lower-case letter (`acFvaFe`: one glyph, twice); the
        // capital may end the word (`treE` for treft).
        var capitals: [Int] = []
        for i in 1..<letters.count where letters[i].isUppercase {
            guard letters[i - 1].isLowercase, capitals.count < 3 else { return word }
            capitals.append(i)
        }
        guard let first = capitals.first, capitals.allSatisfy({ letters[$0] == letters[first] }) else { return word }
        for spelled in Self.ligatureLetters {
            var candidate = ""
            for (i, letter) in letters.enumerated() {
                if capitals.contains(i) { candidate += spelled } else { candidate.append(letter) }
            }
            if isKnownOrTwoKnownWords(candidate.lowercased()) {
                log.note(.glyph, "\(word) → \(candidate)")
                return candidate
            }
        }
        return word
    }

    private func isKnownOrTwoKnownWords(_ word: String) -> Bool {
        if isKnown(word) { return true }
        let letters = Array(word)
        guard letters.count >= 8 else { return false }
        for cut in 4...(letters.count - 4) {
            let left = String(letters[..<cut]), right = String(letters[cut...])
            guard isKnown(right) else { continue }
            // A linking -s- (nalatigheids+interesten) joins two known words too.
            if isKnown(left) || (left.hasSuffix("s") && isKnown(String(left.dropLast()))) { return true }
        }
        return false
    }

    /// A byte scan: whether the line has U+019F (UTF-8 C6 9F), and whether a letter is followed
    /// by an ASCII capital (non-ASCII bytes count as letters; the careful test runs on characters).
    static func scan(_ text: String) -> (misMappedGlyph: Bool, innerCapital: Bool) {
        var previousLetter = false, previousC6 = false
        var misMapped = false, inner = false
        for b in text.utf8 {
            if previousC6 && b == 0x9F { misMapped = true }
            previousC6 = b == 0xC6
            let isUpper = b >= 0x41 && b <= 0x5A
            if isUpper && previousLetter { inner = true }
            previousLetter = (b >= 0x61 && b <= 0x7A) || b >= 0x80
        }
        return (misMapped, inner)
    }
}
