// WardRules: see docs/design.md.
