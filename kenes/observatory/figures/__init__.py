"""Published figures, each computed from stored values (never stored itself), with what it rests on."""
