// WardConsole: see docs/design.md.
