import Foundation

/// Word's automatic numbering: the labels Word displays before numbered paragraphs ("3.", "b.",
/// "2.1"), computed from `word/numbering.xml` and the numbering of paragraph styles in
/// `word/styles.xml`, since the document text itself holds none of them.
///
/// Each list definition (`w:abstractNum`) has up to nine levels with a start value, a number
/// format and a label pattern (`%1.%2.`); a paragraph names a list instance (`w:numId`) and a
/// level. Instances of one definition share their counters unless they override a start value
/// (Word continues such lists). Numbering a level resets the levels below it.
struct DocxNumbering {
    struct Level: Equatable {
        var start = 1
        /// `decimal`, `lowerLetter`, `upperLetter`, `lowerRoman`, `upperRoman`, `decimalZero`,
        /// `bullet`, `none`, ...
        var format = "decimal"
        /// The label pattern: `%1.` is level 0's number followed by a dot.
        var text = ""
    }

    /// Levels of each list instance (numId → level → definition).
    private var levels: [String: [Int: Level]] = [:]
    /// Which counters a list instance uses (its definition's, or its own when it restarts).
    private var counterKey: [String: String] = [:]
    /// Numbering of paragraph styles: styleId → (numId, level).
    private var styleNumbering: [String: (numId: String, level: Int)] = [:]
    /// Current numbers per counter key and level; nil: not started.
    private var counters: [String: [Int?]] = [:]

    /// No numbering: every paragraph is unnumbered.
    init() {}

    /// Reads the numbering definitions and the styles' numbering; either may be nil.
    init(numberingXML: String?, stylesXML: String?) {
        if let numberingXML { readNumbering(numberingXML) }
        if let stylesXML { readStyles(stylesXML) }
    }

    var isEmpty: Bool { levels.isEmpty }

    /// The label Word shows for a paragraph with numbering `numId`/`level` (from the paragraph or,
    /// when it has none, its style), advancing the counters; nil for bullets and unnumbered ones.
    mutating func label(numId: String?, level: Int?, style: String?) -> String? {
        var numId = numId, level = level
        if numId == nil, let style, let styled = styleNumbering[style] {
            numId = styled.numId
            level = level ?? styled.level
        }
        guard let numId, numId != "0", let definitions = levels[numId], let key = counterKey[numId] else { return nil }
        let depth = min(max(level ?? 0, 0), 8)
        guard let definition = definitions[depth] else { return nil }
        var numbers = counters[key] ?? Array(repeating: nil, count: 9)
        numbers[depth] = numbers[depth].map { $0 + 1 } ?? definition.start
        for deeper in (depth + 1)..<9 { numbers[deeper] = nil }
        counters[key] = numbers
        guard definition.format != "bullet", definition.format != "none", !definition.text.isEmpty else { return nil }
        var label = ""
        var scalars = definition.text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "%" else { label.unicodeScalars.append(c); continue }
            guard let d = scalars.next(), let k = Int(String(d)), (1...9).contains(k) else { continue }
            let shown = definitions[k - 1] ?? Level()
            label += Self.format(numbers[k - 1] ?? shown.start, as: shown.format)
        }
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || !trimmed.contains(where: { $0.isLetter || $0.isNumber }) ? nil : trimmed
    }

    /// `n` in a Word number format.
    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "lowerLetter": return letters(n)
        case "upperLetter": return letters(n).uppercased()
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        default: return String(n)
        }
    }

    /// 1 → a, 26 → z, 27 → aa (Word repeats the letter).
    private static func letters(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let letter = Character(UnicodeScalar(UInt8(97 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, symbol) in table { while n >= value { out += symbol; n -= value } }
        return out
    }

    private mutating func readNumbering(_ xml: String) {
        var abstract: [String: [Int: Level]] = [:]
        var abstractID: String?, level: Int?
        var numID: String?, numAbstract: String?, overrides: [Int: Int] = [:], overrideLevel: Int?
        var instances: [(id: String, abstract: String, overrides: [Int: Int])] = []
        for token in MarkupTokenizer(rawTextElements: []).tokenize(xml) {
            switch token {
            case .start(let name, let attributes, _):
                let value = attributes["w:val"]
                switch name {
                case "w:abstractnum": abstractID = attributes["w:abstractnumid"]
                case "w:lvl" where abstractID != nil:
                    level = attributes["w:ilvl"].flatMap { Int($0) }
                    if let a = abstractID, let l = level { abstract[a, default: [:]][l] = Level() }
                case "w:start" where level != nil:
                    if let a = abstractID, let l = level, let v = value.flatMap({ Int($0) }) { abstract[a]?[l]?.start = v }
                case "w:numfmt" where level != nil:
                    if let a = abstractID, let l = level, let v = value { abstract[a]?[l]?.format = v }
                case "w:lvltext" where level != nil:
                    if let a = abstractID, let l = level { abstract[a]?[l]?.text = value ?? "" }
                case "w:num":
                    numID = attributes["w:numid"]; numAbstract = nil; overrides = [:]
                case "w:abstractnumid" where numID != nil: numAbstract = value
                case "w:lvloverride" where numID != nil: overrideLevel = attributes["w:ilvl"].flatMap { Int($0) }
                case "w:startoverride" where numID != nil:
                    if let l = overrideLevel, let v = value.flatMap({ Int($0) }) { overrides[l] = v }
                default: break
                }
            case .end(let name):
                switch name {
                case "w:abstractnum": abstractID = nil; level = nil
                case "w:lvl": level = nil
                case "w:num":
                    if let id = numID, let a = numAbstract { instances.append((id, a, overrides)) }
                    numID = nil
                default: break
                }
            case .text: break
            }
        }
        for instance in instances {
            guard var definitions = abstract[instance.abstract] else { continue }
            for (l, start) in instance.overrides { definitions[l]?.start = start }
            levels[instance.id] = definitions
            counterKey[instance.id] = instance.overrides.isEmpty ? "abstract:" + instance.abstract : "num:" + instance.id
        }
    }

    private mutating func readStyles(_ xml: String) {
        var style: String?, numID: String?, level: Int?
        for token in MarkupTokenizer(rawTextElements: []).tokenize(xml) {
            switch token {
            case .start(let name, let attributes, _):
                switch name {
                case "w:style": style = attributes["w:styleid"]; numID = nil; level = nil
                case "w:numid" where style != nil: numID = attributes["w:val"]
                case "w:ilvl" where style != nil: level = attributes["w:val"].flatMap { Int($0) }
                default: break
                }
            case .end(let name) where name == "w:style":
                if let style, let numID { styleNumbering[style] = (numID, level ?? 0) }
                style = nil
            default: break
            }
        }
    }
}
