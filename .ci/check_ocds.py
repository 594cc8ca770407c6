#!/usr/bin/env python3
"""Validate OCDS 1.1.5 release and record packages (files *.json in DIR) against the official schemas and closed codelists.

Usage: check_ocds.py SCHEMA_DIR DIR    (SCHEMA_DIR = ../shared/schemas/ocds-1.1.5)
Prints one line per package and every problem; exits 1 on any problem, 2 when there is nothing to check.
"""
import csv
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

schemas = pathlib.Path(sys.argv[1])
packages = sorted(pathlib.Path(sys.argv[2]).glob("*.json"))
if not packages:
    print("no packages to check", file=sys.stderr)
    sys.exit(2)

resources = []
for path in schemas.glob("*.json"):
    schema = json.loads(path.read_text())
    resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)))
registry = Registry().with_resources(resources)
validators = {
    kind: jsonschema.Draft4Validator(json.loads((schemas / f"{kind}-package-schema.json").read_text()), registry=registry,
                                     format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    for kind in ("release", "record")
}


def codes(name):
    with open(schemas / "codelists" / f"{name}.csv", newline="") as handle:
        return {row["Code"] for row in csv.DictReader(handle)}


closed = {name: codes(name) for name in ("releaseTag", "initiationType", "tenderStatus", "method", "procurementCategory",
                                         "awardStatus", "contractStatus", "currency", "awardCriteria", "submissionMethod")}
bid_status = {"invited", "pending", "valid", "disqualified", "withdrawn"}  # ocds_bid_extension bidStatus


def currencies(value, path):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "currency" and item is not None and item not in closed["currency"]:
                yield f"{path}.currency {item!r} not in currency"
            yield from currencies(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from currencies(item, f"{path}[{index}]")


def release_problems(release, where):
    def check(value, codelist, field):
        if value is not None and value not in closed[codelist]:
            yield f"{where}: {field} {value!r} not in closed codelist {codelist}"
    for tag in release.get("tag", []):
        yield from check(tag, "releaseTag", "tag")
    yield from check(release.get("initiationType"), "initiationType", "initiationType")
    tender = release.get("tender") or {}
    yield from check(tender.get("status"), "tenderStatus", "tender.status")
    yield from check(tender.get("procurementMethod"), "method", "tender.procurementMethod")
    yield from check(tender.get("mainProcurementCategory"), "procurementCategory", "tender.mainProcurementCategory")
    yield from check(tender.get("awardCriteria"), "awardCriteria", "tender.awardCriteria")
    for method in tender.get("submissionMethod") or []:
        yield from check(method, "submissionMethod", "tender.submissionMethod")
    for lot in tender.get("lots") or []:
        yield from check(lot.get("status"), "tenderStatus", "tender.lots.status")
    for award in release.get("awards") or []:
        yield from check(award.get("status"), "awardStatus", "awards.status")
    for contract in release.get("contracts") or []:
        yield from check(contract.get("status"), "contractStatus", "contracts.status")
    for bid in (release.get("bids") or {}).get("details") or []:
        if bid.get("status") not in bid_status:
            yield f"{where}: bids.details.status {bid.get('status')!r} not in bidStatus"
    yield from (f"{where}: {problem}" for problem in currencies(release, "release"))


problems = 0
for path in packages:
    package = json.loads(path.read_text())
    kind = "record" if "records" in package else "release"
    errors = [f"{path.name}: {'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validators[kind].iter_errors(package)]
    releases = package.get("releases", []) if kind == "release" else [record["compiledRelease"] for record in package["records"]]
    for index, release in enumerate(releases):
        errors += release_problems(release, f"{path.name} release {index}")
    if kind == "release":
        ids = [release["id"] for release in releases]
        if len(ids) != len(set(ids)):
            errors.append(f"{path.name}: release ids repeat")
        if len({release["ocid"] for release in releases}) > 1:
            errors.append(f"{path.name}: more than one ocid")
    print(f"{'FAILED' if errors else 'ok'}: {path.name} ({kind} package, {len(releases)} release(s))")
    for error in errors[:20]:
        print("  " + error)
    problems += len(errors)
print(f"ocds: {len(packages)} packages, {problems} problems")
sys.exit(1 if problems else 0)
