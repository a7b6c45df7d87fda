#!/usr/bin/env python3
"""Writes Compliance.Domain/Vocabulary/iso3166.txt from Debian's iso-codes package (apt-get install iso-codes)."""
import json, os
root = os.path.join(os.path.dirname(__file__), "..")
countries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
subdivisions = {}
for s in json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]:
    country, code = s["code"].split("-", 1)
    subdivisions.setdefault(country, []).append(code)
lines = ["# ISO 3166-1 alpha-2 codes, each followed by its ISO 3166-2 subdivision codes; from Debian's iso-codes package.",
         "# Regenerate with tools/iso3166.py when a country or subdivision changes."]
for c in sorted(x["alpha_2"] for x in countries):
    lines.append(" ".join([c] + sorted(subdivisions.get(c, []))))
open(os.path.join(root, "Compliance.Domain/Vocabulary/iso3166.txt"), "w").write("\n".join(lines) + "\n")
# Names people type instead of codes ("Canada", "Hong Kong"), to suggest the code.
names = ["# Country names (name, common and official) and their ISO 3166-1 alpha-2 code; from Debian's iso-codes package."]
for c in sorted(countries, key=lambda x: x["alpha_2"]):
    for key in ("name", "common_name", "official_name"):
        if key in c:
            names.append(f"{c['alpha_2']}\t{c[key]}")
open(os.path.join(root, "Compliance.Domain/Vocabulary/iso3166-names.txt"), "w").write("\n".join(names) + "\n")
