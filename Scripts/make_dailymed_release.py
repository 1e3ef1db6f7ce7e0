#!/usr/bin/env python3
"""A synthetic DailyMed-style full release built from real SPL labels (for benchmarks only).

Usage: make_dailymed_release.py N PER_PART OUT_DIR SPL_DIR...

Writes OUT_DIR/dm_spl_release_human_rx_partK.zip (stored), each holding PER_PART label zips
prescription/20250101_SETID.zip (deflated: DOCID.xml + a small image). Label i is source label
i mod S (S = distinct SPL files with a setId found in the SPL_DIRs, sorted by name) with its setId
and document id rewritten to UUIDs derived from i: the same N gives the same release, and every
label is a distinct document. Writes OUT_DIR/.xml-bytes (total XML bytes). Two processes.
"""
import hashlib, io, os, re, sys, uuid, zipfile
from multiprocessing import Pool

n, per_part, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
# The real labels, deduplicated by content (Corpus/spl and ../shared/data/spl may hold the same).
sources, seen = [], set()
for d in sys.argv[4:]:
    if not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        if name.endswith(".xml"):
            data = open(os.path.join(d, name), "rb").read()
            digest = hashlib.sha256(data).digest()
            if digest not in seen and b"<setId" in data:
                seen.add(digest)
                sources.append(data)
if not sources:
    sys.exit("dailymed-scale: no SPL sources found")
SET_ID = re.compile(rb'(<setId\s+root=")[^"]*(")')
DOC_ID = re.compile(rb'(<id\s+root=")[^"]*(")')  # the first <id> is the document's id
IMAGE = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8  # a small stand-in for the label's images

def uid(kind, i):
    return str(uuid.UUID(bytes=hashlib.sha256(b"%s-%d" % (kind, i)).digest()[:16], version=4))

def label(i):
    src = sources[i % len(sources)]
    set_id, doc_id = uid(b"set", i), uid(b"doc", i)
    xml = SET_ID.sub(lambda m: m.group(1) + set_id.encode() + m.group(2), src, count=1)
    xml = DOC_ID.sub(lambda m: m.group(1) + doc_id.encode() + m.group(2), xml, count=1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(doc_id + ".xml", xml)
        z.writestr("image-%d.jpg" % (i % 7), IMAGE)
    return "prescription/20250101_%s.zip" % set_id, buf.getvalue(), len(xml)

def part(k):
    lo, hi = k * per_part, min(n, (k + 1) * per_part)
    xml_bytes = 0
    path = os.path.join(out, "dm_spl_release_human_rx_part%d.zip" % (k + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for i in range(lo, hi):
            name, data, size = label(i)
            z.writestr(name, data)
            xml_bytes += size
    return xml_bytes

parts = (n + per_part - 1) // per_part
with Pool(min(2, parts)) as pool:
    total = sum(pool.map(part, range(parts)))
open(os.path.join(out, ".xml-bytes"), "w").write("%d\n" % total)
print("release: %d labels from %d distinct SPL sources, %d parts, %.1f MB of XML" % (n, len(sources), parts, total / 1e6), file=sys.stderr)
