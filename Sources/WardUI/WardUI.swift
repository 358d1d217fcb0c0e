// WardUI: see docs/design.md.
