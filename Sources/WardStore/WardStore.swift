// WardStore: see docs/design.md.
