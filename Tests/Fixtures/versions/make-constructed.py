#!/usr/bin/env python3
"""Builds the constructed version pairs of alignment.json from Corpus/ documents.

Each new version is the Corpus/ file edited on purpose (articles inserted and renumbered, clauses
moved, split, merged, removed, added, words changed, lines reflowed and hyphenated); the true
alignment follows from the edits and is written beside them. Run from the repository root:
  python3 Tests/Fixtures/versions/make-constructed.py
"""
import json, re, textwrap

def parse(path, article_re):
    doc = {"preamble": [], "articles": [], "tail": []}
    for line in open(path, encoding="utf-8").read().split("\n"):
        if doc["tail"] or line.startswith("Bijlage 1"):
            # An annex is copied unchanged; its clauses keep their keys (bijlage-1/…).
            doc["tail"].append(line)
            continue
        a = re.match(article_re, line)
        c = re.match(r"^(\d+)\.(\d+)\s(.*)$", line)  # "26.4Leverancier" stays text of the clause before, as the segmenter reads it
        if a and not c:
            doc["articles"].append({"num": a.group(1), "orig": a.group(1), "title": a.group(2), "header": line, "clauses": [], "lines": []})
        elif c and doc["articles"] and not doc["articles"][-1]["clauses"] and c.group(1) != doc["articles"][-1]["num"] \
                and int(c.group(2)) == 1 and int(c.group(1)) < int(doc["articles"][-1]["num"]):
            # "1.1" as the first clause of article 11: a typo the segmenter reads as 11.1 (and so does the new version).
            art = doc["articles"][-1]
            art["clauses"].append({"old": art["num"] + ".1", "num": "1", "lines": [c.group(3)]})
        elif c and doc["articles"] and c.group(1) != doc["articles"][-1]["num"] and int(c.group(2)) == 1 \
                and int(c.group(1)) == int(doc["articles"][-1]["num"]) + 1:
            # A clause numbered on without its article's header line: an article all the same.
            doc["articles"].append({"num": c.group(1), "orig": c.group(1), "title": None, "header": None, "lines": [],
                                    "clauses": [{"old": c.group(1) + ".1", "num": "1", "lines": [c.group(3)]}]})
        elif c and doc["articles"] and c.group(1) == doc["articles"][-1]["num"]:
            doc["articles"][-1]["clauses"].append({"old": c.group(1) + "." + c.group(2), "num": c.group(2), "lines": [c.group(3)]})
        elif doc["articles"]:
            art = doc["articles"][-1]
            (art["clauses"][-1]["lines"] if art["clauses"] else art["lines"]).append(line)
        else:
            doc["preamble"].append(line)
    return doc

def render(doc, header):
    out = list(doc["preamble"])
    for art in doc["articles"]:
        if art["title"] is not None: out.append(header(art))
        out += art["lines"]
        for c in art["clauses"]:
            out.append(art["num"] + "." + c["num"] + " " + c["lines"][0])
            out += c["lines"][1:]
    return "\n".join(out + doc["tail"])

def links(doc):
    """(old, new) links of every clause in the new document; old None for an added clause."""
    out = [{"old": "preamble", "new": "preamble"}] if any(x.strip() for x in doc["preamble"]) else []
    for art in doc["articles"]:
        if not art["clauses"] and art.get("orig"):
            out.append({"old": art["orig"], "new": art["num"]})
        for c in art["clauses"]:
            new = art["num"] + "." + c["num"]
            for old in (c["old"] if isinstance(c["old"], list) else [c["old"]]):
                out.append({"old": old, "new": new})
    if doc["tail"]:
        out.append({"old": "bijlage-1/preamble", "new": "bijlage-1/preamble"})
        for line in doc["tail"]:
            m = re.match(r"^(\d+\.\d+)\s", line)
            if m: out.append({"old": "bijlage-1/" + m.group(1), "new": "bijlage-1/" + m.group(1)})
    return out

def find(doc, key):
    for art in doc["articles"]:
        for c in art["clauses"]:
            if c["old"] == key:
                return art, c
    raise KeyError(key)

pairs = []

# Pair 1: Matteman ICT, "2021": a new article 3 (all later articles renumbered), 1.2 changed,
# 1.7 removed, 2.14 and 2.15 merged, 3.1 split in two, 5.3 moved to the end of its article.
old_path = "Corpus/ict-leverancier-matteman-voorwaarden.txt"
doc = parse(old_path, r"^Artikel (\d+) (.*)$")
old_keys = [c["old"] for art in doc["articles"] for c in art["clauses"]] + [a["num"] for a in doc["articles"] if not a["clauses"]] + [l["old"] for l in links(doc) if l["old"].startswith("bijlage-1/")]
art1 = doc["articles"][0]
_, c12 = find(doc, "1.2"); c12["lines"][0] = c12["lines"][0].replace("vier weken", "dertig dagen").replace("mag deze", "kan deze")
art1["clauses"] = [c for c in art1["clauses"] if c["old"] != "1.7"]
art2, c214 = find(doc, "2.14"); _, c215 = find(doc, "2.15")
c214["old"] = ["2.14", "2.15"]; c214["lines"][0] = c214["lines"][0] + " " + c215["lines"][0]
art2["clauses"].remove(c215)
for c in art2["clauses"]:
    if isinstance(c["old"], str) and int(c["num"]) > 15: c["num"] = str(int(c["num"]) - 1)
art3, c31 = find(doc, "3.1")
first, second = c31["lines"][0].split(" Vanaf dit moment", 1)
i = art3["clauses"].index(c31)
art3["clauses"].insert(i + 1, {"old": "3.1", "num": "2", "lines": ["Vanaf dit moment" + second]})
c31["lines"][0] = first
for c in art3["clauses"][i + 2:]: c["num"] = str(int(c["num"]) + 1)
art5, c53 = find(doc, "5.3")
art5["clauses"].remove(c53); art5["clauses"].append(c53)
for n, c in enumerate(art5["clauses"]): c["num"] = str(n + 1)
new_article = {"num": "3", "title": "Duurzaamheid", "header": None, "lines": [], "clauses": [
    {"old": None, "num": "1", "lines": ["Leverancier spant zich in om verpakkingsmateriaal te beperken en neemt op verzoek van klant verpakkingen kosteloos terug."]},
    {"old": None, "num": "2", "lines": ["Afgedankte apparatuur die leverancier van klant terugneemt, wordt verwerkt volgens de geldende regels voor elektronisch afval."]}]}
doc["articles"].insert(2, new_article)
for n, art in enumerate(doc["articles"]): art["num"] = str(n + 1)
text = render(doc, lambda a: "Artikel " + a["num"] + " " + a["title"])
text = text.replace("Versie 07-19", "Versie 03-21") if "Versie 07-19" in text else text
new_path = "Tests/Fixtures/versions/constructed/matteman-2021.txt"
open(new_path, "w", encoding="utf-8").write(text)
l = links(doc)
matched_old = {x["old"] for x in l}
l += [{"old": k, "new": None} for k in old_keys if k not in matched_old]
pairs.append({"name": "matteman-constructed", "constructed": True, "old": old_path, "new": new_path,
              "note": "constructed: article 3 inserted (articles 3-14 renumbered 4-15), 1.2 reworded, 1.7 removed, 2.14+2.15 merged, 3.1 split, 5.3 moved to the end of its article",
              "links": l})

# Pair 2: Spijkerman, "2024": article 4 moved after article 7 (4→7, 5→4, 6→5, 7→6), 2.4 removed,
# 2.7 added, 3.1 reworded, every paragraph reflowed at 64 columns with long words hyphenated at line ends.
old_path = "Corpus/spijkerman-computerservice-voorwaarden.txt"
doc = parse(old_path, r"^[\s\u00a0]*(\d+)\. (.*)$")
old_keys = [c["old"] for art in doc["articles"] for c in art["clauses"]] + [a["num"] for a in doc["articles"] if not a["clauses"]] + [l["old"] for l in links(doc) if l["old"].startswith("bijlage-1/")]
art2, c24 = find(doc, "2.4"); art2["clauses"].remove(c24)
art2["clauses"].append({"old": None, "num": "7", "lines": ["Een aanbieding vervalt wanneer het product waarop de aanbieding betrekking heeft in de tussentijd niet meer beschikbaar is."]})
_, c31 = find(doc, "3.1"); c31["lines"][0] = c31["lines"][0].replace("in euro’s", "in Euro").replace("Alle prijzen zijn", "Onze prijzen zijn")
arts = doc["articles"]
moved = arts.pop(3); arts.insert(6, moved)
for n, art in enumerate(arts[:8]): art["num"] = str(n + 1)
def reflow(line):
    if len(line) < 64: return line
    out = []
    for w in textwrap.wrap(line, 64, break_long_words=False, break_on_hyphens=False):
        if out and len(out[-1]) < 50 and len(w.split(" ")[0]) > 9 and w.split(" ")[0].isalpha():
            head = w.split(" ")[0]; out[-1] += " " + head[:5] + "-"; w = head[5:] + w[len(head):]
        out.append(w)
    return "\n".join(out)
for art in arts:
    for c in art["clauses"]: c["lines"] = [reflow(x) for x in c["lines"]]
text = render(doc, lambda a: a["num"] + ". " + a["title"])
new_path = "Tests/Fixtures/versions/constructed/spijkerman-2024.txt"
open(new_path, "w", encoding="utf-8").write(text)
l = links(doc)
matched_old = {x["old"] for x in l}
l += [{"old": k, "new": None} for k in old_keys if k not in matched_old]
pairs.append({"name": "spijkerman-constructed", "constructed": True, "old": old_path, "new": new_path,
              "note": "constructed: article 4 moved after article 7 (4-7 renumbered), 2.4 removed, 2.7 added, 3.1 reworded, all text reflowed at 64 columns with hyphenation at line ends",
              "links": l})

json.dump(pairs, open("Tests/Fixtures/versions/constructed/pairs.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("\n".join("%s: %d links" % (p["name"], len(p["links"])) for p in pairs))
