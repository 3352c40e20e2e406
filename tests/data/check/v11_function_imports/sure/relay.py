from sure import deep  # noqa: F401  (importing relay surely imports deep)
