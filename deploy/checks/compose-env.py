#!/usr/bin/env python3
"""Prints the environment compose.yaml gives one service, as KEY=VALUE lines, with ${...} filled in from an env
file the way Compose does it (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$ for a literal $).
    compose-env.py node-a [deploy/.env.example]"""
import pathlib
import re
import sys

import yaml

deploy = pathlib.Path(__file__).resolve().parent.parent
service = sys.argv[1]
env_file = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else deploy / ".env.example"
values = dict(re.findall(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", env_file.read_text(), re.M))


def fill(text):
    def one(m):
        if m.group(0) == "$$":
            return "$"
        name, op, arg = m.group("name"), m.group("op"), m.group("arg")
        value = values.get(name)
        if op in (":-", ":?") and not value or op in ("-", "?") and value is None:
            if op.endswith("?"):
                sys.exit(f"{name}: {arg}")
            return arg or ""
        return value or ""
    return re.sub(r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}", one, text)


# Compose fills in the parsed strings, so a filled-in "false" stays the string it is.
compose = yaml.safe_load((deploy / "compose.yaml").read_text())
env = compose["services"][service]["environment"]
for key, value in env.items():
    print(f"{key}={'' if value is None else fill(str(value))}")
