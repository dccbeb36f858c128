"""Reading input documents strictly: text encodings, JSON, YAML and JSON pointers.

Every reader here refuses what would otherwise be silently read wrong (a
duplicate key, where the last one would win; an unknown encoding) and says
where the problem is: a line for the file, a JSON pointer for the field.
The rulebook loader, the CLI and the HTTP API all read through this package.
"""
