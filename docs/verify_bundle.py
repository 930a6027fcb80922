#!/usr/bin/env python3
"""Reference verifier for Kongthun bundles, written from docs/bundle-format.md alone.

Checks what a bundle can prove by itself, in the document's order: the zip within its
limits, the manifest's Ed25519 signature, every listed file's size and SHA-256 (and nothing
unlisted), the key fingerprint, and the hash chain of every entry from `chain.previous_head`
to `chain.head`. (What needs the province's registry — enrolment, sequence, replays — is
the province's, not a bundle's.) The test command runs it on the golden bundle and a fresh
one, and on a bundle with one byte flipped, so this document and the program cannot drift.

Usage: python3 docs/verify_bundle.py BUNDLE.kongthun   (exit 0 and "ok ...", or exit 1 and
the refusal code). Needs the `cryptography` package (pip install cryptography).
"""

import hashlib
import json
import sys
import zipfile

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

READABLE_FORMATS = {"kongthun-bundle/1", "kongthun-bundle/2"}
MAX_FILES = 2048
MAX_MANIFEST = 4 << 20
MAX_TOTAL = 4 << 30
TAG = b"kongthun-entry-v1"


class Refused(Exception):
    def __init__(self, code, why):
        super().__init__(f"{code}: {why}")
        self.code = code


def field(value):
    """One canonical field: its UTF-8 bytes preceded by their length, 8 bytes big-endian.
    Integers are ASCII decimal ('-' for negatives); null and absent values are empty."""
    if value is None:
        data = b""
    elif isinstance(value, bytes):
        data = value
    elif isinstance(value, bool):
        raise Refused("bundle.format", "a boolean where the chain expects text or a number")
    elif isinstance(value, int):
        data = str(value).encode("ascii")
    else:
        data = str(value).encode("utf-8")
    return len(data).to_bytes(8, "big") + data


def canonical_bytes(entry):
    out = field(TAG)
    for key in ("id", "entry_date", "doc_no", "kind", "member_id", "reverses",
                "description", "reason", "recorded_by", "recorded_at"):
        out += field(entry.get(key))
    postings = entry.get("postings") or []
    out += field(len(postings))
    for p in postings:  # in line order, as listed
        out += field(p.get("account")) + field(p.get("amount")) + field(p.get("member_id"))
    return out


def key_fingerprint(public_key):
    """SHA-256 of the 32 raw key bytes, first 10 bytes, as five groups of four hex digits."""
    h = hashlib.sha256(public_key).hexdigest()[:20]
    return "-".join(h[i:i + 4] for i in range(0, 20, 4))


def read_entry(archive, info, limit):
    if info.file_size != limit:
        raise Refused("bundle.file_hash", f"{info.filename}: the zip says {info.file_size} bytes, the manifest {limit}")
    digest = hashlib.sha256()
    kept = bytearray()
    total = 0
    with archive.open(info) as f:
        while True:
            chunk = f.read(1 << 16)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise Refused("bundle.file_hash", f"{info.filename} inflates past its listed size")
            digest.update(chunk)
            if info.filename.startswith("data/"):
                kept += chunk
    if total != limit:
        raise Refused("bundle.file_hash", f"{info.filename} is shorter than listed")
    return digest.hexdigest(), bytes(kept)


def verify(path):
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        raise Refused("bundle.corrupt", str(e))
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        raise Refused("bundle.too_large", f"{len(infos)} files")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise Refused("bundle.duplicate_file", "a name appears twice")
    by_name = {i.filename: i for i in infos}
    for name in ("manifest.json", "manifest.sig"):
        if name not in by_name:
            raise Refused("bundle.missing_file", name)
    if by_name["manifest.json"].file_size > MAX_MANIFEST:
        raise Refused("bundle.too_large", "manifest.json")
    manifest_bytes = archive.read("manifest.json")
    signature = archive.read("manifest.sig")
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as e:
        raise Refused("bundle.format", f"manifest.json: {e}")
    if manifest.get("format") not in READABLE_FORMATS:
        raise Refused("bundle.format", f"unknown format {manifest.get('format')}")
    public_key = bytes.fromhex(manifest["public_key"])
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(bytes.fromhex(signature.decode().strip()), manifest_bytes)
    except (InvalidSignature, ValueError):
        raise Refused("bundle.bad_signature", "the signature does not match the manifest")
    if key_fingerprint(public_key) != manifest["key_fingerprint"]:
        raise Refused("bundle.format", "the key fingerprint is not the key's")
    listed = {f["path"]: f for f in manifest["files"]}
    if sum(f["bytes"] for f in manifest["files"]) > MAX_TOTAL:
        raise Refused("bundle.too_large", "listed files")
    data = {}
    for info in infos:  # in zip order; unlisted names are refused before reading them
        if info.filename in ("manifest.json", "manifest.sig"):
            continue
        entry = listed.get(info.filename)
        if entry is None:
            raise Refused("bundle.extra_file", info.filename)
        sha, kept = read_entry(archive, info, entry["bytes"])
        if sha != entry["sha256"]:
            raise Refused("bundle.file_hash", info.filename)
        if info.filename.startswith("data/"):
            data[info.filename] = kept
    for name in listed:
        if name not in by_name:
            raise Refused("bundle.missing_file", name)

    # The chain: ids continue from chain.first_entry, each hash over the one before.
    chain = manifest["chain"]
    previous = bytes.fromhex(chain["previous_head"])
    expected_id = chain["first_entry"]
    entries = [json.loads(line) for line in data["data/entries.jsonl"].decode("utf-8").splitlines() if line]
    for e in entries:
        if e["id"] != expected_id or sum(p["amount"] for p in e["postings"]) != 0:
            raise Refused("bundle.chain", f"entry {e['id']}")
        digest = hashlib.sha256(previous + canonical_bytes(e)).digest()
        if digest.hex() != e["hash"]:
            raise Refused("bundle.chain", f"entry {e['id']} does not hash to its hash")
        previous = digest
        expected_id += 1
    if previous.hex() != chain["head"] or expected_id != chain["last_entry"] + 1:
        raise Refused("bundle.chain", "the chain head does not match the manifest")
    if len(entries) != manifest["counts"]["entries"]:
        raise Refused("bundle.counts", "entries")
    members = [line for line in data["data/members.jsonl"].decode("utf-8").splitlines() if line]
    if len(members) != manifest["counts"]["members"]:
        raise Refused("bundle.counts", "members")
    return manifest, len(entries)


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    try:
        manifest, entries = verify(sys.argv[1])
    except Refused as e:
        print(e.code, str(e))
        return 1
    fingerprint = manifest["chain"]["head"][:16]
    print(f"ok {manifest['fund_code']} #{manifest['sequence']} {manifest['period']['from']}..{manifest['period']['to']} "
          f"{entries} entries, ledger fingerprint {'-'.join(fingerprint[i:i + 4] for i in range(0, 16, 4))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
