import json
pairs = json.load(open("Tests/Fixtures/versions/constructed/pairs.json"))
bb = ["preamble","2","3","4","5","6","7","8","10","11.1","11.4","11.5","12","13","14"]
bb_links = [{"old": k, "new": k} for k in bb] + [{"old": "1", "new": "website-hierna-ook-de-website-www-beautybarleusden-nl"}]
jz = ["preamble","acceptance-of-the-terms","description-of-service","subscription-to-beta-service","modification-of-terms-of-service",
      "user-sign-up-obligations","organization-accounts-and-administrators","personal-information-and-privacy","communications-from-justzaap",
      "fees-and-payments","restrictions-on-use","spamming-and-illegal-activities","termination-of-user-accounts-policy","data-ownership",
      "sample-files","disclaimer-of-warranties","limitation-of-liability","suspension-and-termination"]
jz_links = [{"old": k, "new": k} for k in jz] + [
    {"old": "communications-from-justzaap", "new": "complaints"},
    {"old": "limitation-of-liability", "new": "indemnification"},
    {"old": "limitation-of-liability", "new": "arbitration"}]
real = [
 {"name": "beautybar-real", "constructed": False, "old": "realworld2:16_beautybar-privacy-2020-09.pdf", "new": "realworld2:12_beautybar-privacy.pdf",
  "note": "real pair (same file in two commits). Judged by reading both inspect outputs: every article is the same article; the e-mail address changed in 7, 8 and 14; in the new file the segmenter reads art. 1's first line as a heading, so its key differs",
  "links": bb_links},
 {"name": "justzaap-real", "constructed": False, "old": "realworld2:10_justzaap-2017_en.pdf", "new": "realworld2:11_justzaap-2018_en.pdf",
  "note": "real pair (same path, two commits). Judged by reading: the 2017 PDF's text layer hides the headings Complaints, Indemnification and Arbitration, so their text sits inside the clauses before them; in 2018 they are clauses of their own (one old clause → two or three new ones)",
  "links": jz_links},
]
out = {"description": "True clause alignment of version pairs, for `termsearch eval-diff`. Each link pairs an old clause key with a new one (null: added or removed; one old key with several new keys: a split, and the reverse a merge). Keys are the ingested clause keys with pieces of long clauses joined. Pairs marked constructed were made by Tests/Fixtures/versions/make-constructed.py from Corpus/ documents; their truth follows from the edits. Real pairs name files of /work/shared/realworld2/files (realworld2:NAME), third-party texts not copied here. The a.s.r. 2020/2022 pair is not annotated: the segmenter shifts table text between clauses of its two-column layout, so clause-level truth would measure segmentation, not alignment.",
       "pairs": real + pairs}
json.dump(out, open("Tests/Fixtures/versions/alignment.json", "w"), ensure_ascii=False, indent=1)
