// WardTerminal: see docs/design.md.
