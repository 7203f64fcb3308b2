#!/usr/bin/env python3
"""Edits a Sprout network file (docs/formats.md) for the hostile-input tests, keeping or
breaking its checksum on purpose. Usage: network_bytes.py IN OUT EDIT [ARG]

EDIT: flip OFFSET (xor 0xff at OFFSET from the end of the header, checksum kept stale);
nan-weight (a realised synapse's weight -> NaN), ghost-weight (a weight where no synapse
is realised), bad-state (a state byte 7), header-json TEXT (the header replaced), header-set
KEY VALUE-JSON (one key of the header replaced), garbage-header, all with the checksum made
valid again; length VALUE (the header length field, checksum stale)."""
import json
import struct
import sys


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def split(raw: bytes):
    (length,) = struct.unpack_from("<Q", raw, 8)
    return raw[:8], raw[16 : 16 + length], raw[16 + length : -8]


def join(magic: bytes, header: bytes, body: bytes) -> bytes:
    data = magic + struct.pack("<Q", len(header)) + header + body
    return data + struct.pack("<Q", fnv1a64(data))


def main() -> None:
    src, dst, edit = sys.argv[1:4]
    args = sys.argv[4:]
    raw = open(src, "rb").read()
    magic, header, body = split(raw)
    meta = json.loads(header)
    synapses = meta["inputs"] * meta["hidden"]
    body = bytearray(body)
    if edit == "flip":
        start = 16 + len(header)
        out = bytearray(raw)
        out[start + int(args[0])] ^= 0xFF
        out = bytes(out)
    elif edit == "length":
        out = raw[:8] + struct.pack("<Q", int(args[0])) + raw[16:]
    else:
        if edit in ("nan-weight", "ghost-weight"):
            wanted = (2, 3) if edit == "nan-weight" else (0, 1)
            i = next(k for k in range(synapses) if body[k] in wanted)
            value = float("nan") if edit == "nan-weight" else 0.5
            struct.pack_into("<f", body, synapses + 4 * i, value)
        elif edit == "bad-state":
            body[0] = 7
        elif edit == "header-json":
            header = args[0].encode()
        elif edit == "header-set":
            meta[args[0]] = json.loads(args[1])
            header = json.dumps(meta).encode()
        elif edit == "header-drop":
            del meta[args[0]]
            header = json.dumps(meta).encode()
        elif edit == "config-set":
            node = meta["config"]
            *path, last = args[0].split(".")
            for key in path:
                node = node[key]
            node[last] = json.loads(args[1])
            header = json.dumps(meta).encode()
        elif edit == "garbage-header":
            header = b"{" + header[1:-1].replace(b":", b";") + b"}"
        else:
            sys.exit(f"unknown edit {edit}")
        out = join(magic, header, bytes(body))
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main()
