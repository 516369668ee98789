#!/usr/bin/env python3
"""Prints the system calls a systemd SystemCallFilter= allows, one per line, with its groups expanded.
    syscall-groups.py @system-service '~@privileged'
Each argument is applied in order as systemd applies the unit's lines: the first one sets the allow list,
a later one adds to it, or takes away from it when it starts with '~'. Uses systemd-analyze syscall-filter."""
import subprocess
import sys


def expand(name, seen=None):
    seen = set() if seen is None else seen
    if not name.startswith("@"):
        return {name}
    if name in seen:
        return set()
    seen.add(name)
    out = subprocess.run(["systemd-analyze", "syscall-filter", name], check=True, capture_output=True, text=True)
    calls = set()
    for line in out.stdout.splitlines()[1:]:
        item = line.strip()
        if item and not item.startswith("#"):
            calls |= expand(item, seen)
    return calls


allowed = set()
for arg in sys.argv[1:]:
    for item in arg.lstrip("~").split():
        calls = expand(item)
        allowed = allowed - calls if arg.startswith("~") else allowed | calls
print("\n".join(sorted(allowed)))
