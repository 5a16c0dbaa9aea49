import Foundation
import TermsIndex

/// HTML building: every piece of text from a document or a request goes through `escape`.
enum HTML {
    /// `s` as HTML text or attribute value: `& < > " '` escaped, control characters dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A snippet with the library's highlight markers as `<mark>`, everything else escaped.
    static func snippet(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let start = rest.range(of: SearchHit.highlightStart) {
            out += escape(String(rest[..<start.lowerBound]))
            rest = rest[start.upperBound...]
            if let end = rest.range(of: SearchHit.highlightEnd) {
                out += "<mark>" + escape(String(rest[..<end.lowerBound])) + "</mark>"
                rest = rest[end.upperBound...]
            } else {
                out += "<mark>" + escape(String(rest)) + "</mark>"
                rest = ""
            }
        }
        return out + escape(String(rest.replacingOccurrences(of: SearchHit.highlightEnd, with: "")))
    }

    /// `text` escaped, with the words the query asks for marked (a prefix match on folded words:
    /// close to the index's stemming, good enough to guide the eye).
    static func highlighting(_ text: String, query: String?) -> String {
        let stems = query.map(highlightStems) ?? []
        guard !stems.isEmpty else { return escape(text) }
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let folded = fold(word)
            out += stems.contains(where: { folded.hasPrefix($0) }) ? "<mark>" + escape(word) + "</mark>" : escape(word)
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                out += escape(String(character))
            }
        }
        flush()
        return out
    }

    /// The prefixes to mark for a query: its plain words (not operators or exact fields),
    /// folded, cut to a rough stem.
    static func highlightStems(_ query: String) -> [String] {
        let operators: Set<String> = ["AND", "OR", "NOT", "XOR"]
        var stems: [String] = []
        for token in query.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "\"" }) {
            var t = Substring(token)
            if let colon = t.firstIndex(of: ":") {
                let field = t[..<colon]
                guard ["title", "heading", "supplier"].contains(field) else { continue }
                t = t[t.index(after: colon)...]
            }
            if operators.contains(String(t)) || t.hasPrefix("NEAR/") || t.hasPrefix("ADJ/") { continue }
            if t.contains("..") { continue }
            let wildcard = t.hasSuffix("*")
            let word = String(t.drop(while: { $0 == "+" || $0 == "-" }).filter { $0.isLetter || $0.isNumber })
            guard word.count >= 2 else { continue }
            let folded = fold(word)
            stems.append(wildcard || folded.count <= 4 ? folded : String(folded.prefix(max(4, folded.count * 2 / 3))))
        }
        return stems
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// `s` percent-encoded for a URL query component.
    static func urlComponent(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A query string from pairs, percent-encoded.
    static func queryString(_ pairs: [(String, String)]) -> String {
        pairs.map { urlComponent($0.0) + "=" + urlComponent($0.1) }.joined(separator: "&")
    }

    /// A whole page: the header with the navigation, `body`, inline CSS, no script.
    static func page(title: String, active: String, body: String) -> String {
        func link(_ href: String, _ name: String) -> String {
            "<a href=\"\(href)\"\(active == name ? " aria-current=\"page\"" : "")>\(name)</a>"
        }
        return """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · termsearch</title>
        <style>\(css)</style>
        </head>
        <body>
        <header><a class="brand" href="/">termsearch</a><nav>\(link("/", "Search")) \(link("/compare", "Compare")) \(link("/documents", "Documents"))</nav></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let css = """
    :root{--fg:#1d2330;--muted:#5c6475;--line:#d9dde5;--accent:#1f5fbf;--bg:#fff;--soft:#f4f6f9}
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
    header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--soft)}
    header .brand{font-weight:700;color:var(--fg);text-decoration:none}
    nav a{margin-right:1rem}
    nav a[aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
    main{max-width:72rem;margin:0 auto;padding:1rem}
    a{color:var(--accent)}
    form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
    form.search input[type=search],form.search input[type=text]{flex:1 1 20rem;font-size:1.05rem;padding:.45rem .6rem;border:1px solid var(--line);border-radius:4px;min-width:0}
    form.search fieldset{border:1px solid var(--line);border-radius:4px;display:flex;flex-wrap:wrap;gap:.4rem .9rem;flex:1 1 100%;font-size:.92rem}
    form.search fieldset input,form.search fieldset select{font-size:.92rem;max-width:11rem}
    button{font-size:1rem;padding:.45rem .9rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff}
    .layout{display:grid;grid-template-columns:minmax(0,1fr) 16rem;gap:1.5rem}
    @media (max-width:48rem){.layout{grid-template-columns:minmax(0,1fr)}.facets{order:2}}
    .summary{color:var(--muted);margin:.3rem 0 1rem}
    .hit{border-bottom:1px solid var(--line);padding:.7rem 0}
    .hit h2{font-size:1.05rem;margin:0 0 .2rem}
    .context,.meta{color:var(--muted);font-size:.9rem}
    .snippet{margin:.3rem 0}
    mark{background:#fff2a8;color:inherit;padding:0 .1em}
    .tier{display:inline-block;font-size:.75rem;padding:0 .45em;border-radius:1em;border:1px solid var(--line);color:var(--muted);vertical-align:middle}
    .tier-exact{border-color:#2a7a3b;color:#2a7a3b}.tier-near{border-color:#9a6a00;color:#9a6a00}.tier-partial{border-style:dashed}.tier-related{border-style:dotted}
    .facets h3{font-size:.95rem;margin:1rem 0 .3rem}
    .facets ul{list-style:none;margin:0;padding:0;font-size:.92rem}
    .facets li{display:flex;justify-content:space-between;gap:.5rem}
    .chips a{display:inline-block;margin:0 .4rem .4rem 0;padding:0 .6em;border:1px solid var(--line);border-radius:1em;text-decoration:none;font-size:.9rem}
    .paging{display:flex;gap:1rem;margin:1rem 0}
    .clause{padding:.5rem .8rem;margin:.5rem 0;border-left:3px solid var(--line);white-space:pre-wrap}
    .clause.target{border-left-color:var(--accent);background:var(--soft)}
    .clause h3{font-size:1rem;margin:0 0 .3rem;white-space:normal}
    table{border-collapse:collapse;width:100%;font-size:.92rem}
    td{min-width:11rem}
    th,td{border:1px solid var(--line);padding:.4rem .5rem;vertical-align:top;text-align:left}
    th{background:var(--soft)}
    .scroll{overflow-x:auto}
    .missing{color:var(--muted);font-style:italic}
    .error{border:1px solid #c33;background:#fff3f3;padding:.6rem .8rem;border-radius:4px}
    .outline ol{padding-left:1.2rem}
    dl.meta-list{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
    dl.meta-list dt{color:var(--muted)}
    table.diff{table-layout:fixed}
    table.diff thead th:first-child{width:8rem}
    table.diff th[scope=row]{font-weight:400}
    table.diff td{white-space:pre-wrap;min-width:0}
    table.diff td.none{background:var(--soft)}
    table.diff .label{font-weight:600;white-space:normal;margin-bottom:.2rem}
    del{background:#fbe2e2;color:#8a1414;text-decoration:line-through}
    ins{background:#dcf5dd;color:#14561c;text-decoration:none}
    .kind{display:inline-block;font-size:.8rem;padding:0 .5em;border-radius:1em;border:1px solid var(--line)}
    .kind-changed,.kind-split,.kind-merged{border-color:#9a6a00;color:#9a6a00}
    .kind-added{border-color:#2a7a3b;color:#2a7a3b}.kind-removed{border-color:#c33;color:#c33}
    .kind-moved,.kind-renumbered{border-color:var(--accent);color:var(--accent)}.kind-unchanged{color:var(--muted)}
    """
}
