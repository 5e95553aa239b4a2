#!/usr/bin/env python3
"""Copy a Prisma schema with its datasource set to PROVIDER and url = env("PEER_URL").

For the oracle only (tests/parity/regen.sh): Prisma 6 needs a `url` in the datasource and
selects the database through PEER_URL; the schema's own url/directUrl/shadowDatabaseUrl lines
are removed. Nothing else in the schema is touched.
usage: with_datasource.py SRC PROVIDER DST
"""
import re
import sys

src, provider, dst = sys.argv[1:4]
text = open(src, encoding="utf-8").read()
m = re.search(r"datasource\s+\w+\s*\{(.*?)\n\}", text, re.S)
if not m:
    sys.exit(f"{src}: no datasource block")
body = m.group(1)
lines = [l for l in body.split("\n")
         if not re.match(r"\s*(url|directUrl|shadowDatabaseUrl|provider)\s*=", l)]
body = "\n".join(lines) + f'\n  provider = "{provider}"\n  url = env("PEER_URL")'
text = text[:m.start(1)] + body + text[m.end(1):]
open(dst, "w", encoding="utf-8").write(text)
