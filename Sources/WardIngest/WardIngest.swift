// WardIngest: see docs/design.md.
