import Foundation
import TermsIndex

/// The server-rendered pages. Every value from the index or the request is escaped (`HTML`).
enum Pages {
    typealias E = HTML

    // MARK: Search

    /// The names of the facet parameters, by facet.
    static let facetParameter: [String: String] = ["supplier": "supplier", "topic": "topic", "language": "lang", "kind": "kind", "year": "year"]

    /// The search form, filled with `params`.
    static func searchForm(_ params: QueryParameters, topics: [String]) -> String {
        func value(_ name: String) -> String { E.escape(params[name] ?? "") }
        func checked(_ name: String) -> String { params.flag(name) ? " checked" : "" }
        let lang = params["lang"] ?? ""
        let langOptions = [("", "any"), ("nl", "Nederlands"), ("en", "English")].map {
            "<option value=\"\($0.0)\"\($0.0 == lang ? " selected" : "")>\($0.1)</option>"
        }.joined()
        let topic = params["topic"] ?? ""
        let topicOptions = "<option value=\"\">any</option>" + topics.map {
            "<option value=\"\(E.escape($0))\"\($0 == topic ? " selected" : "")>\(E.escape($0))</option>"
        }.joined()
        let limit = params["limit"] ?? "10"
        let limitOptions = ["10", "20", "50", "100"].map { "<option\($0 == limit ? " selected" : "")>\($0)</option>" }.joined()
        return """
        <form class="search" action="/search" method="get" role="search">
        <input type="search" name="q" value="\(value("q"))" placeholder="&quot;aansprakelijkheid beperkt tot&quot;, schade NEAR/5 indirect, topic:opzegging …" aria-label="Query" maxlength="\(WebLimits.queryLength)" autofocus>
        <button type="submit">Search</button>
        <fieldset><legend>Options</legend>
        <label>Supplier <input type="text" name="supplier" value="\(value("supplier"))" size="12"></label>
        <label>Topic <select name="topic">\(topicOptions)</select></label>
        <label>Language <select name="lang">\(langOptions)</select></label>
        <label>Kind <input type="text" name="kind" value="\(value("kind"))" size="12"></label>
        <label>Years <input type="text" name="years" value="\(value("years"))" size="9" placeholder="2018..2025"></label>
        <label>Hits <select name="limit">\(limitOptions)</select></label>
        <label><input type="checkbox" name="per-document" value="1"\(checked("per-document"))> one per document</label>
        <label><input type="checkbox" name="near" value="1"\(checked("near"))> near phrases</label>
        <label>Words <select name="expand"><option value="1">mine and equivalents</option><option value="0"\(params["expand"].map { ["0", "false", "no", "off"].contains($0.lowercased()) } == true ? " selected" : "")>only mine</option></select></label>
        </fieldset>
        </form>
        """
    }

    /// The query language in brief, under an empty search box.
    static let syntaxHelp = """
    <section><h2>Query language</h2><ul>
    <li><code>aansprakelijkheid beperkt</code>: clauses with all the words (stemmed) first, then clauses that say it with equivalent expressions of the legal thesaurus (Dutch and English), then clauses with some of the words</li>
    <li><code>"aansprakelijkheid beperkt tot"</code>: the exact phrase; <code>"…"~5</code> or “near phrases”: also its words in order within 5</li>
    <li><code>a NEAR/5 b</code>, <code>a ADJ/3 b</code>, <code>AND</code>, <code>OR</code>, <code>NOT</code>, <code>(…)</code>, <code>+a -b</code>, <code>aansprak*</code></li>
    <li><code>title:</code> <code>heading:</code> <code>supplier:</code> words; <code>article:14</code> <code>clause:14.1</code> <code>topic:aansprakelijkheid</code> <code>lang:en</code> <code>kind:</code> <code>year:2025</code> <code>document:</code> filters; <code>2018..2025</code> ranges</li>
    </ul></section>
    """

    static func home(_ params: QueryParameters, supplierClauses: [String: Int], topics: [String]) -> String {
        let suppliers = supplierClauses.keys.sorted { $0.lowercased() < $1.lowercased() }
        let clauses = supplierClauses.values.reduce(0, +)
        let body = searchForm(params, topics: topics) + """
        <p class="summary">\(clauses) clauses of \(suppliers.count) suppliers: \(suppliers.map { E.escape($0) }.joined(separator: ", ")).</p>
        """ + syntaxHelp
        return E.page(title: "Search", active: "Search", body: body)
    }

    static func search(_ params: QueryParameters, request: SearchRequest, results: SearchResults, topics: [String]) -> String {
        var body = searchForm(params, topics: topics)
        let base = params.items.filter { $0.0 != "offset" && !$0.1.isEmpty }
        // Active filters: each a link that removes it.
        let active = base.filter { ["supplier", "topic", "lang", "kind", "year", "article", "document", "since", "until", "years"].contains($0.0) }
        if !active.isEmpty {
            body += "<p class=\"chips\">Narrowed to: " + active.map { pair in
                let without = base.filter { $0 != pair }
                return "<a href=\"/search?\(E.queryString(without))\" title=\"remove\">\(E.escape(pair.0)): \(E.escape(pair.1)) ✕</a>"
            }.joined() + "</p>"
        }
        let documents = results.documents ?? 0
        var summary = "\(results.totalText) matching clause\(results.total == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s")"
        if let related = results.relatedTotal, related > 0 { summary += ", about \(related) more with equivalent expressions" }
        if let partial = results.partialTotal, partial > 0 { summary += ", and about \(partial) with some of the words" }
        if let first = results.hits.first, let last = results.hits.last { summary += " · showing \(first.rank)–\(last.rank)" }
        body += "<div class=\"layout\"><section class=\"results\" aria-label=\"Results\">"
        body += "<p class=\"summary\" id=\"summary\">\(summary)</p>"
        if let suggestion = results.suggestion {
            let pairs = base.map { $0.0 == "q" ? ("q", suggestion) : $0 }
            body += "<p class=\"suggestion\">Did you mean: <a id=\"suggestion\" href=\"/search?\(E.queryString(pairs))\">\(E.escape(suggestion))</a>?</p>"
        }
        if let expansion = results.expansion {
            let without = base.filter { $0.0 != "expand" } + [("expand", "0")]
            body += "<p class=\"expansion\" id=\"expansion\">Also searched: " + expansion.matches.map { match in
                "<b>\(E.escape(match.words))</b> → " + E.escape((match.sameLanguage + match.otherLanguage).joined(separator: ", "))
            }.joined(separator: "; ") + " · <a href=\"/search?\(E.queryString(without))\">only my words</a></p>"
        }
        if results.hits.isEmpty { body += "<p class=\"missing\">No clause matches.</p>" }
        for hit in results.hits { body += hitHTML(hit, query: request.query) }
        // Paging.
        var paging: [String] = []
        if request.offset > 0 {
            let previous = max(0, request.offset - request.limit)
            paging.append("<a rel=\"prev\" href=\"/search?\(E.queryString(base + (previous > 0 ? [("offset", String(previous))] : [])))\">← previous</a>")
        }
        let shown = request.offset + results.hits.count
        let available = request.perDocument ? results.documents ?? 0 : results.total + (results.relatedTotal ?? 0) + (results.partialTotal ?? 0)
        if results.hits.count == request.limit, shown < available, shown < WebLimits.offset {
            paging.append("<a rel=\"next\" href=\"/search?\(E.queryString(base + [("offset", String(shown))]))\">next →</a>")
        }
        if !paging.isEmpty { body += "<nav class=\"paging\" aria-label=\"Pages\">\(paging.joined())</nav>" }
        body += "</section>"
        body += facetsHTML(results.facets ?? [:], base: base)
        body += "</div>"
        return E.page(title: request.query, active: "Search", body: body)
    }

    static func tierHTML(_ match: MatchKind?) -> String {
        guard let match else { return "" }
        let name = match.rawValue
        let label: String
        switch name {
        case "exact": label = "exact"
        case "near": label = "near"
        case "all": label = "all words"
        case "related": label = "equivalent words"
        case "partial": label = "some words"
        default: label = name
        }
        let cssClass = name.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return " <span class=\"tier tier-\(cssClass)\" data-match=\"\(E.escape(name))\">\(E.escape(label))</span>"
    }

    static func clauseLink(_ id: String, query: String?) -> String {
        "/clause?" + E.queryString([("id", id)] + (query.map { [("q", $0)] } ?? []))
    }

    static func documentLink(_ id: String, query: String?, anchor: String? = nil) -> String {
        "/document?" + E.queryString([("id", id)] + (query.map { [("q", $0)] } ?? [])) + (anchor.map { "#" + anchorName($0) } ?? "")
    }

    /// A fragment name for a clause id (letters, digits and `-` only).
    static func anchorName(_ id: String) -> String {
        "c-" + String(id.unicodeScalars.map { ($0.properties.isAlphabetic || ("0"..."9").contains($0)) && $0.isASCII ? Character($0) : "-" })
    }

    static func hitHTML(_ hit: SearchHit, query: String) -> String {
        var html = "<article class=\"hit\" data-id=\"\(E.escape(hit.id))\">"
        html += "<h2>\(hit.rank). \(E.escape(hit.supplier)) — <a class=\"clause-link\" href=\"\(clauseLink(hit.id, query: query))\">\(E.escape(hit.citation))</a>\(tierHTML(hit.match))</h2>"
        let context = [hit.part, hit.article.map { (hit.language == "en" ? "Article " : "Artikel ") + $0 + (hit.articleHeading.map { " " + $0 } ?? "") }]
            .compactMap { $0 }.joined(separator: " › ")
        if !context.isEmpty { html += "<div class=\"context\">\(E.escape(context))</div>" }
        html += "<p class=\"snippet\">\(E.snippet(hit.snippet))</p>"
        var meta = ["<a href=\"\(documentLink(hit.document, query: query, anchor: hit.id))\">\(E.escape(hit.title))</a>", E.escape(hit.language)]
        if let version = hit.version ?? hit.versionLabel { meta.append(E.escape(version)) }
        if let page = hit.page { meta.append("p. \(page)") }
        if let n = hit.matchingClauses { meta.append("<span class=\"matching\">\(n) matching clause\(n == 1 ? "" : "s")</span>") }
        html += "<div class=\"meta\">\(meta.joined(separator: " · "))</div></article>"
        return html
    }

    static func facetsHTML(_ facets: [String: [String: Int]], base: [(String, String)]) -> String {
        var html = "<aside class=\"facets\" aria-label=\"Narrow\">"
        for facet in Facet.allCases {
            guard let counts = facets[facet.rawValue], !counts.isEmpty, let parameter = facetParameter[facet.rawValue] else { continue }
            let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(30)
            html += "<h3>\(E.escape(facet.rawValue))</h3><ul data-facet=\"\(facet.rawValue)\">"
            for (value, count) in sorted {
                let narrowed = base.contains { $0 == (parameter, value) } ? base : base + [(parameter, value)]
                html += "<li><a class=\"facet\" href=\"/search?\(E.queryString(narrowed))\">\(E.escape(value))</a><span>\(count)</span></li>"
            }
            html += "</ul>"
        }
        return html + "</aside>"
    }

    // MARK: Compare

    static func compareForm(_ params: QueryParameters, topics: [String]) -> String {
        var queries = params.all("q")
        while queries.count < 3 { queries.append("") }
        let topic = params["topic"] ?? ""
        let topicOptions = "<option value=\"\">none</option>" + topics.map {
            "<option value=\"\(E.escape($0))\"\($0 == topic ? " selected" : "")>\(E.escape($0))</option>"
        }.joined()
        return """
        <form class="search" action="/compare" method="get">
        \(queries.prefix(WebLimits.queries).enumerated().map { "<input type=\"text\" name=\"q\" value=\"\(E.escape($0.element))\" aria-label=\"Query \($0.offset + 1)\" maxlength=\"\(WebLimits.queryLength)\">" }.joined(separator: "\n"))
        <button type="submit">Compare</button>
        <fieldset><legend>Options</legend>
        <label>Topic <select name="topic">\(topicOptions)</select></label>
        <label>Language <input type="text" name="lang" value="\(E.escape(params["lang"] ?? ""))" size="3"></label>
        <label>Kind <input type="text" name="kind" value="\(E.escape(params["kind"] ?? ""))" size="12"></label>
        <label><input type="checkbox" name="near" value="1"\(params.flag("near") ? " checked" : "")> near phrases</label>
        <label>Versions <select name="versions"><option value="current">current only</option><option value="all"\(params["versions"]?.lowercased() == "all" ? " selected" : "")>all versions</option></select></label>
        <label>In force on <input type="text" name="as-of" value="\(E.escape(params["as-of"] ?? ""))" size="10" placeholder="2021-03-01"></label>
        </fieldset>
        </form>
        <p class="summary">Every supplier of the index a row, every query a column: its best clause and the number of its matching clauses. A topic alone compares <code>topic:…</code>; with queries it narrows each of them. Only the current version of each supplier's terms counts, unless “all versions” is chosen or a date the version in force on it.</p>
        """
    }

    static func compare(_ params: QueryParameters, comparison: Comparison?, topics: [String]) -> String {
        var body = compareForm(params, topics: topics)
        if let comparison {
            let download = E.queryString(params.items.filter { !$0.1.isEmpty })
            body += "<p class=\"downloads\">Download: <a id=\"csv-excel\" href=\"/compare.csv?\(download)&amp;excel=1\">CSV for Excel (;)</a> · <a id=\"csv\" href=\"/compare.csv?\(download)\">CSV</a> · <a id=\"json\" href=\"/api/compare?\(download)\">JSON</a></p>"
            body += "<div class=\"scroll\"><table id=\"comparison\"><thead><tr><th scope=\"col\">Supplier</th>"
            body += comparison.queries.map { "<th scope=\"col\">\(E.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in comparison.suppliers {
                body += "<tr><th scope=\"row\">\(E.escape(row.supplier))</th>"
                for cell in row.cells {
                    guard let best = cell.best else { body += "<td class=\"missing\">not found</td>"; continue }
                    body += "<td><a href=\"\(clauseLink(best.id, query: cell.query))\">\(E.escape(best.citation))</a>\(tierHTML(best.match))"
                    body += "<div class=\"snippet\">\(E.snippet(best.snippet))</div>"
                    body += "<div class=\"meta\"><span class=\"count\">\(cell.matchingClauses)</span> matching clause\(cell.matchingClauses == 1 ? "" : "s") · \(E.escape(best.title))</div></td>"
                }
                body += "</tr>"
            }
            body += "</tbody></table></div>"
        }
        return E.page(title: "Compare", active: "Compare", body: body)
    }

    // MARK: Clause and document

    /// The link to the original file of a document, at a page for PDFs.
    static func fileLink(document: String, path: String, page: Int?) -> String {
        "/files/" + document.split(separator: "/", omittingEmptySubsequences: false).map { E.urlComponent(String($0)) }.joined(separator: "/")
            + (path.lowercased().hasSuffix(".pdf") && page != nil ? "#page=\(page!)" : "")
    }

    static func clause(_ c: ClauseInContext, query: String?) -> String {
        let english = c.clauses.first?.language == "en"
        var heading = [c.part, c.article.map { (english ? "Article " : "Artikel ") + $0 }].compactMap { $0 }.joined(separator: " › ")
        if let articleHeading = c.articleHeading { heading += (heading.isEmpty ? "" : " ") + articleHeading }
        let target = c.clauses.first { $0.target }
        var body = "<p class=\"context\"><a href=\"\(documentLink(c.document, query: query, anchor: c.id))\">\(E.escape(c.title))</a> · \(E.escape(c.supplier))\(c.version.map { " · " + E.escape($0) } ?? "")</p>"
        body += "<h1>\(E.escape(heading.isEmpty ? (target?.clause ?? c.id) : heading))</h1>"
        for clause in c.clauses {
            let label = clause.clause + (clause.piece.map { " (part \($0))" } ?? "") + (clause.heading.map { " " + $0 } ?? "")
            body += "<section class=\"clause\(clause.target ? " target" : "")\" id=\"\(anchorName(clause.id))\" data-id=\"\(E.escape(clause.id))\">"
            body += "<h3>\(clause.target ? "▶ " : "")<a href=\"\(clauseLink(clause.id, query: query))\">\(E.escape(label))</a>\(clause.page.map { " <span class=\"meta\">p. \($0)</span>" } ?? "")</h3>"
            body += "<div class=\"text\">\(E.highlighting(clause.text, query: query))</div></section>"
        }
        body += "<dl class=\"meta-list\"><dt>Clause id</dt><dd><code>\(E.escape(c.id))</code></dd>"
        body += "<dt>Topics</dt><dd>\(E.escape((target?.topics ?? []).joined(separator: ", ")))</dd>"
        body += "<dt>Original</dt><dd><a id=\"original\" href=\"\(E.escape(fileLink(document: c.document, path: c.path, page: target?.page)))\">\(E.escape((c.path as NSString).lastPathComponent))</a></dd></dl>"
        return E.page(title: heading.isEmpty ? c.id : heading, active: "", body: body)
    }

    static func document(_ clauses: [StoredClause], query: String?) -> String {
        let first = clauses[0]
        var body = "<h1>\(E.escape(first.title))</h1>"
        body += "<dl class=\"meta-list\"><dt>Supplier</dt><dd>\(E.escape(first.supplier))</dd>"
        body += "<dt>Version</dt><dd>\(E.escape(first.versionDate ?? "unknown"))\(first.versionLabel.map { " (" + E.escape($0) + ")" } ?? "")</dd>"
        body += "<dt>Kind</dt><dd>\(E.escape(first.kind ?? "unknown"))</dd>"
        body += "<dt>Clauses</dt><dd>\(clauses.count)</dd>"
        body += "<dt>Document id</dt><dd><code>\(E.escape(first.document))</code></dd>"
        body += "<dt>Original</dt><dd><a id=\"original\" href=\"\(E.escape(fileLink(document: first.document, path: first.path, page: nil)))\">\(E.escape((first.path as NSString).lastPathComponent))</a></dd></dl>"
        if let query {
            body += "<form class=\"search\" action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"\(E.escape(query))\"><input type=\"hidden\" name=\"document\" value=\"\(E.escape(first.document))\"><button>Search this document</button></form>"
        }
        // Outline: parts, articles, clauses, in document order.
        body += "<nav class=\"outline\" aria-label=\"Outline\"><h2>Outline</h2><ol>"
        var part: String?? = .none, article: String?? = .none
        var openArticle = false, openPart = false
        for clause in clauses {
            if part == .none || part! != clause.part {
                if openArticle { body += "</ol></li>"; openArticle = false }
                if openPart { body += "</ol></li>"; openPart = false }
                if let name = clause.part { body += "<li><strong>\(E.escape(name))</strong><ol>"; openPart = true }
                part = .some(clause.part); article = .none
            }
            if article == .none || article! != clause.article {
                if openArticle { body += "</ol></li>"; openArticle = false }
                if let a = clause.article {
                    body += "<li>\(first.language == .english ? "Article" : "Artikel") \(E.escape(a))\(clause.articleHeading.map { " " + E.escape($0) } ?? "")<ol>"
                    openArticle = true
                }
                article = .some(clause.article)
            }
            body += "<li><a href=\"#\(anchorName(clause.id))\">\(E.escape(clause.clause))\(clause.heading.map { " " + E.escape($0) } ?? "")</a></li>"
        }
        if openArticle { body += "</ol></li>" }
        if openPart { body += "</ol></li>" }
        body += "</ol></nav><h2>Text</h2>"
        for clause in clauses {
            let label = clause.clause + (clause.piece.map { " (part \($0))" } ?? "") + (clause.heading.map { " " + $0 } ?? "")
            body += "<section class=\"clause\" id=\"\(anchorName(clause.id))\" data-id=\"\(E.escape(clause.id))\"><h3><a href=\"\(clauseLink(clause.id, query: query))\">\(E.escape(label))</a>"
            if let page = clause.page { body += " <a class=\"meta\" href=\"\(E.escape(fileLink(document: first.document, path: first.path, page: page)))\">p. \(page)</a>" }
            body += "</h3><div class=\"text\">\(E.highlighting(clause.text, query: query))</div></section>"
        }
        return E.page(title: first.title, active: "", body: body)
    }

    // MARK: Documents

    static func documents(_ listing: DocumentListing) -> String {
        let clauses = listing.documents.reduce(0) { $0 + $1.clauses }
        var body = "<h1>Documents</h1><p class=\"summary\">\(listing.documents.count) documents, \(clauses) clauses\(listing.failed.isEmpty ? "" : "; \(listing.failed.count) file\(listing.failed.count == 1 ? "" : "s") failed") · <a href=\"/api/documents\">JSON</a></p>"
        body += "<div class=\"scroll\"><table id=\"documents\"><thead><tr><th>Supplier</th><th>Title</th><th>Version</th><th>Kind</th><th>Languages</th><th>Clauses</th><th>Pages</th><th>File</th></tr></thead><tbody>"
        for d in listing.documents {
            body += "<tr data-document=\"\(E.escape(d.document))\"><td>\(E.escape(d.supplier))</td><td><a href=\"\(documentLink(d.document, query: nil))\">\(E.escape(d.title))</a></td>"
            body += "<td>\(E.escape(d.version ?? "unknown"))\(d.versionLabel.map { " (" + E.escape($0) + ")" } ?? "")"
            if let current = d.current { body += " <span class=\"meta\">\(current ? "current" : "superseded")</span>" }
            if let previous = d.previousVersion {
                body += "<div><a class=\"diff-link\" href=\"\(E.escape(diffLink(old: previous, new: d.document)))\">what changed</a></div>"
            }
            body += "</td><td>\(E.escape(d.kind ?? ""))</td>"
            body += "<td>\(E.escape(d.languages.joined(separator: ", ")))</td><td>\(d.clauses)</td><td>\(d.pages.map(String.init) ?? "")</td>"
            body += "<td><a href=\"\(E.escape(fileLink(document: d.document, path: d.path, page: nil)))\">\(E.escape((d.path as NSString).lastPathComponent))</a></td></tr>"
        }
        body += "</tbody></table></div>"
        if !listing.failed.isEmpty {
            body += "<h2>Failed files</h2><div class=\"scroll\"><table id=\"failed\"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>"
            for f in listing.failed { body += "<tr><td>\(E.escape(f.path))</td><td>\(E.escape(f.reason))</td></tr>" }
            body += "</tbody></table></div>"
        }
        return E.page(title: "Documents", active: "Documents", body: body)
    }

    // MARK: Diff

    static func diffLink(old: String, new: String, all: Bool = false) -> String {
        "/diff?" + E.queryString([("old", old), ("new", new)] + (all ? [("all", "1")] : []))
    }

    /// Two versions side by side, article by article: a row per aligned pair of clauses (old left,
    /// new right), the word changes marked with `<del>` and `<ins>`; unchanged rows only with `all`.
    static func diff(_ pair: IndexedVersionPair, all: Bool) -> String {
        let c = pair.comparison
        var body = "<h1>What changed: \(E.escape(c.new.supplier)) — \(E.escape(c.new.title))</h1>"
        func version(_ v: VersionComparison.Version) -> String {
            "<a href=\"\(documentLink(v.document, query: nil))\"><code>\(E.escape(v.document))</code></a>"
                + (v.version.map { " (" + E.escape($0) + ")" } ?? "") + ", \(v.clauses) clauses"
        }
        body += "<dl class=\"meta-list\"><dt>Old</dt><dd id=\"old-version\">\(version(c.old))</dd><dt>New</dt><dd id=\"new-version\">\(version(c.new))</dd></dl>"
        body += "<section class=\"diff-summary\" aria-label=\"Summary\"><h2>Summary</h2><p class=\"summary\" id=\"summary\">\(E.escape(VersionComparison.describe(c.summary)))</p>"
        // Topics with a change a row each; the topics whose clauses are all unchanged on one line.
        let unchangedKind = ClauseAlignment.Kind.unchanged.rawValue
        let touched = c.topics.filter { $0.counts.keys.contains { $0 != unchangedKind } }
        let untouched = c.topics.filter { !$0.counts.keys.contains { $0 != unchangedKind } }
        if !touched.isEmpty {
            body += "<table id=\"topics\"><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Clauses</th></tr></thead><tbody>"
            for t in touched {
                body += "<tr data-topic=\"\(E.escape(t.topic))\"><th scope=\"row\">\(E.escape(t.topic))</th><td>\(E.escape(VersionComparison.describe(t.counts)))</td></tr>"
            }
            body += "</tbody></table>"
        }
        if !untouched.isEmpty {
            body += "<p class=\"meta\" id=\"unchanged-topics\">Unchanged: " + untouched.map { "\(E.escape($0.topic)) (\($0.counts[unchangedKind] ?? 0))" }.joined(separator: ", ") + "</p>"
        }
        body += "</section>"
        let unchanged = c.summary[ClauseAlignment.Kind.unchanged.rawValue] ?? 0
        body += "<p class=\"downloads\">"
        if all {
            body += "<a id=\"toggle-unchanged\" href=\"\(E.escape(diffLink(old: c.old.document, new: c.new.document)))\">Hide the unchanged clauses</a>"
        } else {
            body += "<a id=\"toggle-unchanged\" href=\"\(E.escape(diffLink(old: c.old.document, new: c.new.document, all: true)))\">Show the \(unchanged) unchanged clause\(unchanged == 1 ? "" : "s") too</a>"
        }
        body += " · <a id=\"json\" href=\"/api/diff?\(E.escape(E.queryString([("old", c.old.document), ("new", c.new.document)])))\">JSON</a></p>"
        if c.isUnchanged { body += "<p class=\"summary\" id=\"no-changes\">Every clause is unchanged.</p>" }
        for article in c.articles {
            let rows = all ? article.changes : article.changes.filter { $0.kind != .unchanged }
            let hidden = article.changes.count - rows.count
            if rows.isEmpty { continue }
            var title = [article.part, article.article.map { "Artikel " + $0 }].compactMap { $0 }.joined(separator: " › ")
            if let heading = article.heading { title += (title.isEmpty ? "" : " ") + heading }
            if title.isEmpty { title = "(before the first article)" }
            body += "<section class=\"diff-article\"><h2>\(E.escape(title))\(hidden > 0 ? " <span class=\"meta\">(\(hidden) unchanged)</span>" : "")</h2>"
            body += "<div class=\"scroll\"><table class=\"diff\"><thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead><tbody>"
            for change in rows { body += diffRow(change, pair: pair) }
            body += "</tbody></table></div></section>"
        }
        return E.page(title: "What changed: " + c.new.title, active: "Documents", body: body)
    }

    static func diffRow(_ change: VersionComparison.Change, pair: IndexedVersionPair) -> String {
        let c = pair.comparison
        let kind = change.kind.rawValue
        var label = "<span class=\"kind kind-\(kind)\">\(kind)</span>"
        var notes: [String] = []
        if change.kind == .changed || change.kind == .split || change.kind == .merged {
            notes.append(change.similarity < 0.995 || change.similarity >= 1 ? String(format: "%.0f%% the same", change.similarity * 100) : "over 99% the same")
        }
        if change.renumbered && change.kind != .renumbered { notes.append("renumbered") }
        if change.moved && change.kind != .moved { notes.append("moved") }
        if !notes.isEmpty { label += "<div class=\"meta\">\(notes.joined(separator: ", "))</div>" }
        func heading(_ refs: [VersionComparison.ClauseReference], document: String) -> String {
            refs.map { ref in
                let id = document + "#" + ref.key
                return "<a href=\"\(clauseLink(id, query: nil))\">\(E.escape(ref.clause + (ref.heading.map { " " + $0 } ?? "")))</a>"
            }.joined(separator: " + ")
        }
        func whole(_ refs: [VersionComparison.ClauseReference], _ clauses: [String: VersionClause]) -> String {
            refs.compactMap { clauses[$0.key]?.text }.map(E.escape).joined(separator: "\n\n")
        }
        var oldText: String, newText: String
        switch change.kind {
        case .changed, .split, .merged:
            let diff = change.diff ?? []
            oldText = diff.filter { $0.op != .inserted }.map { $0.op == .deleted ? "<del>" + E.escape($0.text) + "</del>" : E.escape($0.text) }.joined(separator: " ")
            newText = diff.filter { $0.op != .deleted }.map { $0.op == .inserted ? "<ins>" + E.escape($0.text) + "</ins>" : E.escape($0.text) }.joined(separator: " ")
        case .added:
            oldText = ""
            newText = "<ins>" + E.escape(change.text ?? whole(change.new, pair.newClauses)) + "</ins>"
        case .removed:
            oldText = "<del>" + E.escape(change.text ?? whole(change.old, pair.oldClauses)) + "</del>"
            newText = ""
        case .unchanged, .renumbered, .moved:
            oldText = whole(change.old, pair.oldClauses)
            newText = whole(change.new, pair.newClauses)
        }
        func cell(_ side: String, _ refs: [VersionComparison.ClauseReference], document: String, _ text: String) -> String {
            guard !refs.isEmpty else { return "<td class=\"\(side) none\"></td>" }
            return "<td class=\"\(side)\"><div class=\"label\">\(heading(refs, document: document))</div><div class=\"text\">\(text)</div></td>"
        }
        return "<tr class=\"change change-\(kind)\" data-kind=\"\(kind)\"><th scope=\"row\">\(label)</th>"
            + cell("old", change.old, document: c.old.document, oldText) + cell("new", change.new, document: c.new.document, newText) + "</tr>"
    }

    // MARK: Errors

    static func error(_ error: WebError, params: QueryParameters? = nil, topics: [String] = []) -> String {
        let form = params.map { searchForm($0, topics: topics) } ?? ""
        return E.page(title: "Error \(error.status)", active: "", body: form + "<p class=\"error\" role=\"alert\"><strong>\(error.status)</strong> \(E.escape(error.message))</p>")
    }
}
