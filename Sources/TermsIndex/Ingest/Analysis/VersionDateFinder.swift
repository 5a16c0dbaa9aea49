import Foundation

/// How firmly a document states a date as the date of its version; a stronger kind always wins.
enum VersionDateEvidence: Int, Comparable {
    /// "© 2008": when the text was written, at best.
    case copyright
    /// A date a document carries without saying what it is: a deposit, a closing "Alkmaar, december
    /// 2015", a running footer, a year in the title.
    case incidental
    /// A form code ("VP IB 2020-01", "(09.2020)"): insurers and brokers date their forms this way.
    case formCode
    /// A date right after a cue that names the version or its validity ("Versie", "geldig vanaf",
    /// "Last updated").
    case stated

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension MetadataExtractor {
    /// A non-date version label after "Versie:"/"Version", e.g. "1.4" or "07-19".
    static func versionLabel(_ lines: [String]) -> String? {
        for line in lines {
            guard let m = firstMatch(line, #"^(?:versie|version|v\.)\s*:?\s*([0-9][0-9A-Za-z./\-]{0,11})"#) else { continue }
            let label = m[1]
            if parseDate(line) != nil, parseDate(label) != nil { continue }
            if firstMatch(label, #"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\.?$"#, caseSensitive: true) != nil { continue }
            return label
        }
        return nil
    }

    /// Cues that name the version or its validity wherever they stand in a line: a date right after
    /// one of them is the version date ("versie 2.1 – mei 2018", "Deze voorwaarden zijn laatst
    /// gewijzigd op 3 maart 2021").
    static let versionCue = #"(?:\blaatst\s+(?:gewijzigd|bijgewerkt|aangepast|herzien)(?:\s+op)?|\bbijgewerkt(?:\s+op)?|\bgewijzigd\s+op|\bversie(?:datum)?|\bversion(?:\s+date)?|\bvs\.?(?=\s)|\blast\s+(?:updated|modified|revised|changed)(?:\s+on)?|\bupdated(?:\s+on)?|\brevised(?:\s+on)?|\bgeldig\s+(?:vanaf|per|met ingang van|sinds)|\b(?:gelden|geldt|van kracht|in werking(?:\s+getreden)?)\s+(?:vanaf|per|met ingang van|sinds)|\bingangsdatum|\bvastgesteld(?:\s+(?:op|d\.d\.))?|\b(?:gepubliceerd|published|opgesteld)(?:\s+(?:op|on|per))?|\beffective(?:\s+(?:as\s+of|from|date|on))?|\bvalid\s+(?:from|as\s+of)|\blastmod|\blast_modified)\s*:?\s*"#

    /// Cues too common in clause bodies to trust mid-line ("vanaf de dag van levering", "de datum van
    /// ontvangst"): they count only at the start of a line.
    static let lineStartCue = #"^(?:[-*•>|]\s*)?(?:datum|date|modified|d\.d\.|vanaf|per|met ingang van|stand)(?!\w)\s*:?\s*"#

    /// Words that make a date in a running footer the date of this copy, not of the terms.
    static let printedCue = #"\b(?:afgedrukt|geprint|gegenereerd|gedownload|printed|generated|downloaded|exported)\b"#

    /// Words before a date that make it the date of a law or a past event, not of these terms.
    static let foreignDateContext = #"\b(?:wet|staatsblad|stb|richtlijn|directive|regulation|verordening|besluit|act|arrest|uitspraak|vonnis)\b"#

    /// The version date, ISO at the precision given.
    ///
    /// The strongest evidence wins (`VersionDateEvidence`); among dates of the same strength the
    /// latest: a document that carries several version lines (klantassistent: "Bijgewerkt 12-03-2025",
    /// "Laatst gewijzigd: 23-4-2025") describes its current state with the newest one.
    static func versionDate(_ lines: [String], title: String? = nil, runningLines: [String] = []) -> String? {
        var found: [VersionDateEvidence: [String]] = [:]
        // A running header or footer dates the edition it is printed on ("Maart 2016" at the foot
        // of every page), unless it says when the copy was printed or made.
        for line in runningLines {
            if let d = statedDate(line, next: "") {
                found[.stated, default: []].append(d)
            } else if let d = formCodeDate(line) {
                found[.formCode, default: []].append(d)
            } else if line.count <= 40, !matches(line, foreignDateContext), !matches(line, printedCue),
                      let d = parseDate(line), d.count >= 7 {
                found[.incidental, default: []].append(d)
            }
        }
        for (i, line) in lines.enumerated() {
            let next = i + 1 < lines.count ? lines[i + 1] : ""
            if let d = statedDate(line, next: next) {
                found[.stated, default: []].append(d)
            } else if let d = formCodeDate(line) {
                found[.formCode, default: []].append(d)
            } else if let d = incidentalDate(line, next: next, position: i, count: lines.count) {
                found[.incidental, default: []].append(d)
            } else if let m = firstMatch(line, #"(?:©|\(c\)|copyright)\s*(?:copyright\s*)?((?:19|20)\d{2})"#) {
                found[.copyright, default: []].append(m[1])
            }
        }
        // A year in the title ("Voorwaarden Rechtsbijstandpolis 2020") dates the edition.
        if let title, !matches(title, foreignDateContext), let m = firstMatch(title, #"\b((?:19|20)\d{2})\b"#) {
            found[.incidental, default: []].append(m[1])
        }
        guard let strongest = found.keys.max() else { return nil }
        return found[strongest]?.max(by: isEarlier)
    }

    /// The date right after a version or validity cue in `line`; a cue alone on a line ("Datum:")
    /// takes its date from the next line.
    static func statedDate(_ line: String, next: String) -> String? {
        guard let cue = firstMatch(line, lineStartCue) ?? firstMatch(line, versionCue),
              let range = line.range(of: cue[0]) else { return nil }
        let after = String(line[range.upperBound...].prefix(45))
        if after.isEmpty { return line.count < 30 ? parseDate(String(next.prefix(45))) : nil }
        // The date must follow the cue closely: "versie 2.1 – mei 2018", not "versie van de
        // voorwaarden die gold toen de wet van 2016 ...".
        guard let date = parseDate(after), !matches(after, foreignDateContext) else { return nil }
        return date
    }

    /// The year and month of a form code: "VP IB 2020-01", "AV 2020-09", "(09.2020)".
    static func formCodeDate(_ line: String) -> String? {
        if let m = firstMatch(line, #"\b[A-Z]{1,6}(?:[ -][A-Z0-9]{1,6}){0,3}[ -]((?:19|20)\d{2})[-.](0[1-9]|1[0-2])\b(?![-.]\d)"#,
                              caseSensitive: true) {
            return "\(m[1])-\(m[2])"
        }
        if let m = firstMatch(line, #"\((0[1-9]|1[0-2])[./-]((?:19|20)\d{2})\)"#, caseSensitive: true) {
            return "\(m[2])-\(m[1])"
        }
        return nil
    }

    /// A date the document carries without naming it: "gedeponeerd ... op <datum>" near the start or
    /// the end (a deposit mentioned in a clause body is some other document's), a closing "Alkmaar,
    /// december 2015" or a running footer "Algemene voorwaarden 30-01-2013".
    static func incidentalDate(_ line: String, next: String, position: Int, count: Int) -> String? {
        if matches(line, #"gedeponeerd|deposited"#) {
            guard position < 40 || count - position <= 40 || matches(line, #"^(gedeponeerd|deposited)"#) else { return nil }
            // NBA: "... Gedeponeerd bij de Griffie ... te" / "Amsterdam op 30 januari 2013".
            let both = line + " " + next
            return matches(both, foreignDateContext) ? nil : parseDate(both)
        }
        guard line.count <= 60, matches(line, #"^[A-Z][a-zà-ÿ' -]+, "#) || mentionsTerms(line),
              !matches(line, foreignDateContext), let d = parseDate(line), d.count >= 7 else { return nil }
        return d
    }

    /// Orders partial ISO dates; "2018" counts as early in its year, so a fuller date of the same year wins.
    static func isEarlier(_ a: String, _ b: String) -> Bool {
        // Pad as a date ("2018" → "2018-00-00"): padding with "0" alone put "2018" after "2018-05-01".
        func padded(_ s: String) -> String { s + "0000-00-00".dropFirst(min(s.count, 10)) }
        return padded(a) < padded(b)
    }

    static let months: [String: Int] = [
        "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3, "march": 3,
        "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
        "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8, "september": 9, "sep": 9,
        "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    static let monthNames = months.keys.sorted { $0.count > $1.count }.joined(separator: "|")

    /// The first date in `s` as ISO: "23-4-2025", "31/03/2016", "1 januari 2020", "March 3, 2021",
    /// "February 2018", "01-2020", "2020-01", "2017".
    static func parseDate(_ s: String) -> String? {
        if let m = firstMatch(s, #"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})\b"#),
           let d = Int(m[1]), let mo = Int(m[2]), (1...31).contains(d), (1...12).contains(mo) {
            return String(format: "%@-%02d-%02d", m[3], mo, d)
        }
        if let m = firstMatch(s, #"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b"#) { return "\(m[1])-\(m[2])-\(m[3])" }
        if let m = firstMatch(s, #"\b(\d{1,2})(?:st|nd|rd|th|e|de)?\s+(?:of\s+)?("# + monthNames + #")\.?,?\s+((?:19|20)\d{2})\b"#),
           let d = Int(m[1]), let mo = months[m[2].lowercased()], (1...31).contains(d) {
            return String(format: "%@-%02d-%02d", m[3], mo, d)
        }
        if let m = firstMatch(s, #"\b("# + monthNames + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b"#),
           let mo = months[m[1].lowercased()], let d = Int(m[2]), (1...31).contains(d) {
            return String(format: "%@-%02d-%02d", m[3], mo, d)
        }
        if let m = firstMatch(s, #"\b("# + monthNames + #")\.?,?\s+((?:19|20)\d{2})\b"#), let mo = months[m[1].lowercased()] {
            return String(format: "%@-%02d", m[2], mo)
        }
        if let m = firstMatch(s, #"(?<![\d.\-/])(0?[1-9]|1[0-2])[-/.]((?:19|20)\d{2})\b"#), let mo = Int(m[1]) {
            return String(format: "%@-%02d", m[2], mo)
        }
        if let m = firstMatch(s, #"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b(?!-\d)"#) { return "\(m[1])-\(m[2])" }
        if let m = firstMatch(s, #"\b((?:19|20)\d{2})\b"#) { return m[1] }
        return nil
    }
}
